package kz.appeals.escalation.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents.DueDateRecalculated;
import kz.appeals.escalation.domain.ClockRules;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.platform.outbox.Outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * After a calendar year is loaded, brings the running deadlines whose term counts days of that year up to date
 * (due date, next warning or lapse), in batches of one transaction each so that a national backlog neither holds
 * locks for long nor fills memory. A batch is read and locked in one statement and written back in one, as the
 * sweep's; the due dates that moved are published ({@code appeal.due-date-recalculated}) through the outbox in one
 * more statement of the same transaction, so response and intake show the date this service now counts to.
 */
@ApplicationScoped
public class CalendarRecalculation {

    static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final ClockRules rules;
    private final Outbox outbox;
    private final Clock clock;

    public CalendarRecalculation(AgroalDataSource dataSource, ClockRules rules, Outbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One batch's outcome: how many it recalculated, and the last appeal id when more may follow. */
    public record Batch(int recalculated, Optional<UUID> continueAfter) {
    }

    /** @return how many deadlines were recalculated */
    public int recalculate(int year) {
        int total = 0;
        // PostgreSQL orders uuids as unsigned bytes: the all-zero id is the smallest.
        Optional<UUID> after = Optional.of(new UUID(0L, 0L));
        while (after.isPresent()) {
            Batch batch = nextBatch(year, after.get());
            total += batch.recalculated();
            after = batch.continueAfter();
        }
        return total;
    }

    @Transactional
    public Batch nextBatch(int year, UUID after) {
        Instant now = clock.instant();
        // the pool hands the connection enlisted in this transaction
        try (Connection connection = dataSource.getConnection()) {
            List<Deadline> batch = DeadlineTable.lockRunningThrough(connection, year, after, BATCH);
            if (batch.isEmpty()) {
                return new Batch(0, Optional.empty());
            }
            List<DueDateRecalculated> moved = batch.stream()
                    .flatMap(deadline -> deadline.calendarChanged(year, rules, now).stream()).toList();
            DeadlineTable.update(connection, batch);
            outbox.recordAll(moved);
            return new Batch(batch.size(), batch.size() < BATCH ? Optional.empty()
                    : Optional.of(batch.get(batch.size() - 1).appealId()));
        } catch (SQLException e) {
            throw new IllegalStateException("The deadlines of " + year + " could not be recalculated: "
                    + e.getMessage(), e);
        }
    }
}
