package kz.appeals.routing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.RoutingStep;
import kz.appeals.contracts.ContractJson;
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.routing.domain.IssueGrouping;
import kz.appeals.routing.domain.RoutedAppeal;
import kz.appeals.routing.domain.RoutedAppeal.Status;
import kz.appeals.routing.domain.RoutingDecision;
import kz.appeals.routing.domain.RoutingPolicy;
import kz.appeals.routing.service.RoutedAppealTable.Appeal;
import kz.appeals.routing.service.RoutedAppealTable.Decision;
import kz.appeals.routing.service.RoutedAppealTable.Row;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies the routing rules to new appeals, redirects and operators' assignments, and publishes each decision. The
 * event path works a polled batch at a time on {@link RoutedAppealTable}: no entity is loaded per event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AppealRouting {

    /**
     * Runs what is recorded because of one event of a batch (given by its position in the batch) inside that event's
     * trace, which only the messaging side knows: an appeal's trace goes on through routing's events.
     */
    @FunctionalInterface
    public interface EventTraces {
        void inTraceOf(int event, Runnable recording);
    }

    private static final int MAX_REASON = 2000;

    private final RoutedAppealTable table;
    private final TerritoryCache rules;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<RoutingMetrics.FirstDecision> firstDecisions;
    private final AuditTrail audit;

    AppealRouting(RoutedAppealTable table, TerritoryCache rules, Outbox outbox, Clock clock,
                  Event<RoutingMetrics.FirstDecision> firstDecisions, AuditTrail audit) {
        this.table = table;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.firstDecisions = firstDecisions;
        this.audit = audit;
    }

    /**
     * New appeals, in delivery order, with the effect of routing them one at a time: an appeal routed before (or
     * earlier in the batch, under another event id) changes nothing, and each joins the issues of those before it.
     * One statement finds the appeals routed before, one the stored related appeals, one writes the new rows; the
     * outbox writes their events in one more.
     */
    public void routeAll(List<AppealEvents.Submitted> submissions, EventTraces traces) {
        Set<UUID> seen = new HashSet<>(table.existing(
                submissions.stream().map(AppealEvents.Submitted::appealId).toList()));
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (seen.add(submissions.get(i).appealId())) {
                fresh.add(i);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        RoutingPolicy policy = rules.policy();
        List<Appeal> appeals = fresh.stream().map(i -> Appeal.of(submissions.get(i))).toList();
        List<RoutingDecision> decisions = appeals.stream().map(appeal -> policy.decide(appeal.location(),
                appeal.categoryCode(), appeal.registrationDay(), Set.of())).toList();
        List<IssueGrouping.Newcomer> searching = new ArrayList<>();
        for (int i = 0; i < appeals.size(); i++) {
            if (decisions.get(i) instanceof RoutingDecision.Routed) {
                searching.add(newcomer(appeals.get(i), settlementAfter(decisions.get(i), null)));
            }
        }
        IssueGrouping issues = table.issueGrouping(searching);
        List<Row> rows = new ArrayList<>(appeals.size());
        Instant decidedBefore = null;
        for (int i = 0; i < appeals.size(); i++) {
            Instant decidedAt = decisionTimeAfter(decidedBefore);
            rows.add(new Row(appeals.get(i), Set.of(), recorded(appeals.get(i), decisions.get(i), decidedAt, null,
                    issues::issueOf)));
            decidedBefore = decidedAt;
        }
        table.insert(rows);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            RoutingDecision decision = decisions.get(i);
            traces.inTraceOf(fresh.get(i), () -> publish(row, decision, Optional.empty(), null));
            firstDecisions.fire(new RoutingMetrics.FirstDecision(decision,
                    Duration.between(submissions.get(fresh.get(i)).occurredAt(), row.decision().decidedAt())));
        }
    }

    /**
     * The offices' redirect requests, answers and reopenings, in delivery order. Redirects are decided one at a time
     * (they are rare, and a second one depends on the first); answers close appeals for grouping related ones and
     * reopenings open them again, the last of an appeal's in the batch counting, in one statement. An answer seen
     * before the appeal itself changes nothing.
     */
    public void respond(List<AppealEvent> events, EventTraces traces) {
        Map<UUID, Boolean> openAfter = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            AppealEvent event = events.get(i);
            if (event instanceof AppealEvents.RedirectRequested request) {
                traces.inTraceOf(i, () -> redirect(request));
            } else if (event instanceof AppealEvents.Answered) {
                openAfter.put(event.appealId(), false);
            } else if (event instanceof AppealEvents.Reopened) {
                openAfter.put(event.appealId(), true);
            } else {
                throw new IllegalArgumentException("Routing does not handle " + event.getClass().getSimpleName());
            }
        }
        table.setOpen(openAfter);
    }

    /** The body said "not ours": decide again without it (APPK Art. 76, redirect within 3 working days). */
    private void redirect(AppealEvents.RedirectRequested request) {
        Row row = table.find(request.appealId()).orElse(null);
        Body previousBody = row == null ? null : row.decision().body();
        if (previousBody == null || !request.bodyCode().equals(previousBody.code())) {
            return; // not the body currently responsible: a stale or repeated request changes nothing
        }
        Set<String> excluded = new LinkedHashSet<>(row.excludedBodies());
        excluded.add(request.bodyCode());
        Appeal appeal = row.appeal();
        RoutingDecision decision = rules.policy().decide(appeal.location(), appeal.categoryCode(),
                appeal.registrationDay(), excluded);
        Row redirected = new Row(appeal, excluded, recorded(appeal, decision, decisionTimeAfter(null),
                row.decision(), this::issueAlone));
        table.update(List.of(redirected));
        publish(redirected, decision, Optional.of(previousBody), request.reason());
    }

    /** An operator places an appeal from the triage queue; the competence rules choose the body (method MANUAL). */
    @Transactional
    public void assign(UUID appealId, String katoCode, String note) {
        Row row = table.find(appealId).orElseThrow(() -> ProblemException.notFound("No routed appeal " + appealId));
        if (row.decision().status() != Status.NEEDS_TRIAGE) {
            throw ProblemException.conflict("not-in-triage", "The appeal is not waiting for triage",
                    "Appeal " + appealId + " is " + row.decision().status());
        }
        Appeal appeal = row.appeal();
        RoutingDecision decision = rules.policy().decideAt(katoCode, appeal.categoryCode(), appeal.registrationDay(),
                note);
        if (!(decision instanceof RoutingDecision.Routed routed)) {
            throw ProblemException.invalidField("katoCode", "not-routable", decision.reason());
        }
        Row assigned = new Row(appeal, row.excludedBodies(), recorded(appeal, decision, decisionTimeAfter(null),
                row.decision(), this::issueAlone));
        table.update(List.of(assigned));
        publish(assigned, decision, Optional.empty(), null);
        audit.record("triage-assigned", "appeal:" + appealId,
                "katoCode=" + katoCode + ", body=" + routed.body().code() + ", note=" + note);
    }

    public static List<RoutingStep> steps(RoutedAppeal appeal) {
        try {
            return ContractJson.mapper().readValue(appeal.stepsJson, new TypeReference<List<RoutingStep>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored steps of " + appeal.appealId + " are not JSON", e);
        }
    }

    /**
     * The decision as stored, after {@code previous} (null for a new appeal): a routed appeal that is in no issue
     * yet joins one, found by {@code issues}.
     */
    private Decision recorded(Appeal appeal, RoutingDecision decision, Instant decidedAt, Decision previous,
                              Function<IssueGrouping.Newcomer, UUID> issues) {
        String reason = shorten(decision.reason());
        String steps;
        try {
            steps = ContractJson.mapper().writeValueAsString(decision.steps());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Steps cannot be serialised", e);
        }
        String settlementKato = settlementAfter(decision, previous);
        UUID issueId = previous == null ? null : previous.issueId();
        if (decision instanceof RoutingDecision.Routed routed) {
            if (issueId == null) {
                issueId = issues.apply(newcomer(appeal, settlementKato));
            }
            return new Decision(Status.ROUTED, routed.body(), routed.method(), reason, decidedAt, steps, issueId,
                    settlementKato);
        }
        Status status = decision instanceof RoutingDecision.NeedsTriage ? Status.NEEDS_TRIAGE
                : Status.OUTSIDE_COMPETENCE;
        return new Decision(status, null, null, reason, decidedAt, steps, issueId, settlementKato);
    }

    /**
     * Now, at the database's precision, and after {@code before} (when given): the decisions of a batch are stored
     * in delivery order, so the earliest one of a settlement is the one delivered first, as one at a time.
     */
    private Instant decisionTimeAfter(Instant before) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return before == null || now.isAfter(before) ? now : before.plus(1, ChronoUnit.MICROS);
    }

    /** A routed place's settlement replaces the one known before; other decisions keep it. */
    private static String settlementAfter(RoutingDecision decision, Decision previous) {
        if (decision instanceof RoutingDecision.Routed routed && routed.place() != null
                && routed.place().settlementKato() != null) {
            return routed.place().settlementKato();
        }
        return previous == null ? null : previous.settlementKato();
    }

    private static IssueGrouping.Newcomer newcomer(Appeal appeal, String settlementKato) {
        return new IssueGrouping.Newcomer(appeal.categoryCode(), appeal.latitude(), appeal.longitude(),
                settlementKato);
    }

    /** The issue of one appeal routed alone (a redirect or an assignment of an appeal in no issue yet). */
    private UUID issueAlone(IssueGrouping.Newcomer appeal) {
        return table.issueGrouping(List.of(appeal)).issueOf(appeal);
    }

    private void publish(Row row, RoutingDecision decision, Optional<Body> redirectedFrom, String redirectReason) {
        Appeal appeal = row.appeal();
        Instant decidedAt = row.decision().decidedAt();
        List<RoutingStep> steps = decision.steps();
        if (decision instanceof RoutingDecision.NeedsTriage triage) {
            outbox.record(new AppealEvents.NeedsTriage(appeal.appealId(), appeal.receiptNumber(), shorten(
                    redirectedFrom.map(from -> from.code() + " said it is not competent: " + redirectReason + ". ")
                            .orElse("") + triage.reason()), decidedAt, steps));
            return;
        }
        if (decision instanceof RoutingDecision.OutsideCompetence outside) {
            outbox.record(new AppealEvents.OutsideCompetence(appeal.appealId(), appeal.receiptNumber(),
                    appeal.categoryCode(), shorten(outside.reason()), appeal.language(), decidedAt, steps));
            return;
        }
        RoutingDecision.Routed routed = (RoutingDecision.Routed) decision;
        if (redirectedFrom.isPresent()) {
            outbox.record(new AppealEvents.Redirected(appeal.appealId(), appeal.receiptNumber(),
                    redirectedFrom.get(), routed.body(), routed.ruralDistrictKato(), routed.districtKato(),
                    routed.regionKato(), routed.method(), shorten(redirectReason + " — " + routed.reason()),
                    appeal.appealType(), appeal.categoryCode(), appeal.description(), appeal.language(),
                    appeal.registrationDay(), decidedAt, steps, row.decision().issueId(), routed.higherBodies()));
            return;
        }
        outbox.record(new AppealEvents.Routed(appeal.appealId(), appeal.receiptNumber(), routed.body(),
                routed.ruralDistrictKato(), routed.districtKato(), routed.regionKato(), routed.method(),
                shorten(routed.reason()), appeal.appealType(), appeal.categoryCode(), appeal.description(),
                appeal.language(), appeal.registrationDay(), decidedAt, steps, row.decision().issueId(),
                routed.higherBodies()));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }
}
