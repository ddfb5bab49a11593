package kz.appeals.escalation.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Extended;
import kz.appeals.contracts.AppealEvents.NeedsTriage;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Reopened;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.escalation.domain.AnsweringBody;
import kz.appeals.escalation.domain.ClockRules;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.inbox.UnprocessableEventException;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies what intake, routing and response report to the appeals' clocks, a polled batch at a time. Runs inside
 * the inbox transaction, so each event takes effect once, together with its inbox row. The batch's deadlines are
 * read in one statement (started first where an appeal is new, and locked), changed in memory by the domain's
 * rules in delivery order, and written back in one statement: plain JDBC on the transaction's connection, no
 * persistence context on this path.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeadlineService {

    private static final Logger LOG = Logger.getLogger(DeadlineService.class);

    private final AgroalDataSource dataSource;
    private final ClockRules rules;
    private final Clock clock;

    public DeadlineService(AgroalDataSource dataSource, ClockRules rules, Clock clock) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.clock = clock;
    }

    /** @param events first deliveries, in delivery order: several about one appeal apply in that order */
    public void applyAll(List<IncomingEvent> events) {
        Instant now = clock.instant();
        Map<UUID, Deadline> started = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            UUID appealId = event.dataAs(AppealEvent.class).appealId();
            started.computeIfAbsent(appealId, id -> Deadline.start(id, now));
        }
        // the pool hands the connection enlisted in the inbox transaction
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, Deadline> deadlines = new HashMap<>();
            for (Deadline locked : DeadlineTable.startAndLock(connection, started.values())) {
                deadlines.put(locked.appealId(), locked);
            }
            for (IncomingEvent event : events) {
                apply(event, deadlines.get(event.dataAs(AppealEvent.class).appealId()), now);
            }
            DeadlineTable.update(connection, deadlines.values());
        } catch (SQLException e) {
            throw new IllegalStateException("The deadlines could not be read or written: " + e.getMessage(), e);
        }
    }

    private void apply(IncomingEvent event, Deadline deadline, Instant now) {
        switch (event.type()) {
            case SUBMITTED -> deadline.registered(event.dataAs(Submitted.class).registrationDay(), rules, now);
            case ROUTED -> {
                Routed routed = event.dataAs(Routed.class);
                deadline.assignedTo(AnsweringBody.of(routed.body()), routed.districtKato(), routed.regionKato(),
                        routed.higherBodies(), routed.registrationDay(), routed.occurredAt(), rules, now);
            }
            case NEEDS_TRIAGE -> deadline.awaitingTriage(event.dataAs(NeedsTriage.class).occurredAt(), rules, now);
            case REDIRECTED -> {
                Redirected redirected = event.dataAs(Redirected.class);
                deadline.redirectedTo(AnsweringBody.of(redirected.body()), redirected.districtKato(),
                        redirected.regionKato(), redirected.higherBodies(), redirected.registrationDay(),
                        redirected.occurredAt(), rules, now);
            }
            // Routing found that no public body handles the matter and told the citizen so: that is the answer.
            case OUTSIDE_COMPETENCE -> deadline.answered(1, rules, now);
            case ANSWERED -> deadline.answered(event.dataAs(Answered.class).cycle(), rules, now);
            case EXTENDED -> {
                Extended extended = event.dataAs(Extended.class);
                deadline.extended(extended.bodyCode(), extended.newDueDate(), rules, now)
                        .ifPresent(rejected -> LOG.warnf("Extension of appeal %s by %s to %s not applied, the "
                                        + "statutory due date stands: %s", extended.appealId(), extended.bodyCode(),
                                extended.newDueDate(), rejected.explanation()));
            }
            case REOPENED -> {
                Reopened reopened = event.dataAs(Reopened.class);
                // A reopening is received like a new appeal: APPK Art. 64 gives the day its new term counts from.
                deadline.reopened(reopened.cycle(), rules.policy().calendar().registrationDay(reopened.occurredAt()),
                        rules, now);
            }
            default -> throw new UnprocessableEventException("escalation-service does not handle " + event.type());
        }
    }
}
