package kz.appeals.escalation.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.appk.AppkTerms;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.escalation.domain.ClockRules;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.platform.outbox.Outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One batch of the sweep: the deadlines with something due today — a warning, or a lapse with its deemed refusal
 * and escalation. A deadline's change and the events it causes commit together under its row lock, so each
 * warning and each escalation is published exactly once however many replicas sweep. The batch's rows are read and
 * locked in one statement, changed in memory by the domain's rules and written back in one statement; its events
 * go to the outbox in one more.
 */
@ApplicationScoped
@Transactional
public class DeadlineSweep {

    private final AgroalDataSource dataSource;
    private final ClockRules rules;
    private final Outbox outbox;
    private final Clock clock;

    public DeadlineSweep(AgroalDataSource dataSource, ClockRules rules, Outbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return how many deadlines this batch handled (each one's next wake-up is then later than today) */
    public int sweepNextBatch(int batchSize) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, AppkTerms.NATIONAL_OFFSET);
        List<AppealEvent> caused = new ArrayList<>();
        // the pool hands the connection enlisted in this transaction
        try (Connection connection = dataSource.getConnection()) {
            List<Deadline> due = DeadlineTable.lockWakingBy(connection, today, batchSize);
            if (due.isEmpty()) {
                return 0;
            }
            for (Deadline deadline : due) {
                caused.addAll(deadline.sweep(today, now, rules));
            }
            DeadlineTable.update(connection, due);
            if (!caused.isEmpty()) {
                outbox.recordAll(caused);
            }
            return due.size();
        } catch (SQLException e) {
            throw new IllegalStateException("The due deadlines could not be read or written: " + e.getMessage(), e);
        }
    }
}
