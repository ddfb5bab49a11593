package kz.appeals.bench.ledger;

import kz.appeals.bench.ledger.Holdings.Analytics;
import kz.appeals.bench.ledger.Holdings.Escalation;
import kz.appeals.bench.ledger.Holdings.Intake;
import kz.appeals.bench.ledger.Holdings.Response;
import kz.appeals.bench.ledger.Holdings.Routing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppealRulesTest {

    private static final UUID ID = UUID.fromString("6a1f9c6e-0000-4000-8000-000000000001");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final String BODY = "rural-akim:991021000";
    private static final Intake INTAKE = new Intake("KZ-2026-1", DAY, false, 1, null);
    private static final Routing ROUTED = new Routing("ROUTED", BODY, "KZ-2026-1", DAY);
    private static final Response ANSWERED = new Response("ANSWERED", 1, BODY, false, 1, "SATISFIED", null, null,
            false, List.of(), List.of(), null);
    private static final Escalation STOPPED = new Escalation("STOPPED", 1, 0, BODY, null);
    private static final Analytics ANSWER_COUNTED = new Analytics("KZ-2026-1", DAY, BODY, "SATISFIED", 1, true, false,
            false, null, null, null, 0);

    private static final Holdings ANSWERED_EVERYWHERE =
            new Holdings(ID, INTAKE, ROUTED, ANSWERED, true, STOPPED, ANSWER_COUNTED);

    @Test
    void rulesHaveDistinctNamesAndSayWhy() {
        assertEquals(AppealRules.ALL.size(), new HashSet<>(AppealRules.ALL.stream().map(AppealRules.Rule::name).toList())
                .size());
        AppealRules.ALL.forEach(rule -> assertTrue(rule.why().length() > 20, rule.name()));
    }

    @Test
    void anAnsweredAppealKnownToEveryServiceIsConsistent() {
        assertEquals(List.of(), failing(ANSWERED_EVERYWHERE));
    }

    @Test
    void appealsRoutingDidNotPlaceWithABodyNeedNoResponse() {
        Escalation clockWithoutBody = new Escalation("RUNNING", 1, 0, null, null);
        Analytics registeredOnly = new Analytics("KZ-2026-1", DAY, null, null, null, false, false, false, null, null,
                null, 0);
        assertEquals(List.of(), failing(new Holdings(ID, INTAKE, new Routing("NEEDS_TRIAGE", null, "KZ-2026-1", DAY),
                null, true, clockWithoutBody, registeredOnly)));
        assertEquals(List.of(), failing(new Holdings(ID, INTAKE,
                new Routing("OUTSIDE_COMPETENCE", null, "KZ-2026-1", DAY), null, true,
                new Escalation("STOPPED", 1, 0, null, null), registeredOnly)));
        // the office said "not ours" and routing found no other body: response keeps it until an operator assigns one
        assertEquals(List.of(), failing(new Holdings(ID, INTAKE, new Routing("NEEDS_TRIAGE", null, "KZ-2026-1", DAY),
                new Response("REDIRECT_REQUESTED", 1, BODY, false, null, null, null, null, false, List.of(), List.of(),
                        null),
                true, new Escalation("RUNNING", 1, 0, BODY, null), new Analytics("KZ-2026-1", DAY, BODY, null, null, false,
                false, false, null, null, null, 0))));
    }

    @Test
    void aHigherBodyThatTookTheAppealOverIsNotADifferentBody() {
        Response takenOver = new Response("IN_WORK", 1, "district:akimat:991020000", true, null, null, null, null, false,
                List.of("district:akimat:991020000"), List.of("DISTRICT_AKIMAT"), null);
        Analytics lapsed = new Analytics("KZ-2026-1", DAY, BODY, null, null, false, false, true, "DISTRICT_AKIMAT",
                null, null, 0);
        assertEquals(List.of(), failing(new Holdings(ID, INTAKE, ROUTED, takenOver, true,
                new Escalation("RUNNING", 1, 1, BODY, null), lapsed)));
    }

    @Test
    void aMissingRowIsNamedByTheServiceThatShouldHoldIt() {
        assertEquals(List.of("routing-knows", "response-holds-only-routed"),
                failing(new Holdings(ID, INTAKE, null, ANSWERED, true, STOPPED, ANSWER_COUNTED)));
        assertEquals(List.of("response-knows-routed", "stopped-clock-answered", "analytics-counts-answer"),
                failing(new Holdings(ID, INTAKE, ROUTED, null, true, STOPPED, ANSWER_COUNTED)));
        assertEquals(List.of("escalation-knows", "answered-clock-stopped"),
                failing(new Holdings(ID, INTAKE, ROUTED, ANSWERED, true, null, ANSWER_COUNTED)));
        assertEquals(List.of("analytics-knows", "analytics-counts-answer"),
                failing(new Holdings(ID, INTAKE, ROUTED, ANSWERED, true, STOPPED, null)));
        assertEquals(List.of("response-knows-applicant"),
                failing(new Holdings(ID, INTAKE, ROUTED, ANSWERED, false, STOPPED, ANSWER_COUNTED)));
    }

    @Test
    void anAnonymousSignalHasNoApplicantToKnow() {
        assertEquals(List.of(), failing(new Holdings(ID, new Intake("KZ-2026-1", DAY, true, 1, null), ROUTED,
                ANSWERED, false, STOPPED, ANSWER_COUNTED)));
    }

    @Test
    void anAppealIntakeNeverAcceptedIsReportedWithItsHolders() {
        Holdings orphan = new Holdings(ID, null, null, null, false, null, ANSWER_COUNTED);
        assertEquals(List.of("accepted-by-intake", "analytics-counts-answer"), failing(orphan));
        assertEquals("intake never accepted it; held by analytics",
                AppealRules.ALL.get(0).problem().apply(orphan).orElseThrow());
    }

    @Test
    void finalStatesThatDisagreeAreDifferences() {
        assertEquals(List.of("answered-clock-stopped"), failing(new Holdings(ID, INTAKE, ROUTED, ANSWERED, true,
                new Escalation("RUNNING", 1, 0, BODY, null), ANSWER_COUNTED)));
        Response reopened = new Response("ROUTED", 2, BODY, false, 1, "SATISFIED", 1, false, false, List.of(),
                List.of(), null);
        assertEquals(List.of("open-clock-running", "stopped-clock-answered", "analytics-counts-rating",
                        "analytics-counts-reopenings"),
                failing(new Holdings(ID, INTAKE, ROUTED, reopened, true, STOPPED, ANSWER_COUNTED)));
        assertEquals(List.of("analytics-counts-answer"), failing(new Holdings(ID, INTAKE, ROUTED, ANSWERED, true,
                STOPPED, new Analytics("KZ-2026-1", DAY, BODY, "REFUSED", 1, true, false, false, null, null, null, 0))));
        assertEquals(List.of("body-agrees"), failing(new Holdings(ID, INTAKE, ROUTED, ANSWERED, true,
                new Escalation("STOPPED", 1, 0, "rural-akim:991023000", null), ANSWER_COUNTED)));
        assertEquals(List.of("registration-agrees"), failing(new Holdings(ID, INTAKE,
                new Routing("ROUTED", BODY, "KZ-2026-2", DAY), ANSWERED, true, STOPPED, ANSWER_COUNTED)));
        assertEquals(List.of("submitted-once"), failing(new Holdings(ID, new Intake("KZ-2026-1", DAY, false, 2, null),
                ROUTED, ANSWERED, true, STOPPED, ANSWER_COUNTED)));
    }

    @Test
    void aLapseMustReachResponseAndAnalytics() {
        Response open = new Response("ROUTED", 1, BODY, false, null, null, null, null, false, List.of(), List.of(),
                null);
        Analytics registered = new Analytics("KZ-2026-1", DAY, BODY, null, null, false, false, false, null, null, null,
                0);
        assertEquals(List.of("escalation-reached-response", "analytics-counts-lapse"), failing(new Holdings(ID, INTAKE,
                ROUTED, open, true, new Escalation("RUNNING", 1, 1, BODY, null), registered)));
    }

    @Test
    void anOpenAppealShowsEscalationsDueDateInResponseAndIntake() {
        LocalDate due = LocalDate.of(2026, 12, 22);
        LocalDate extended = LocalDate.of(2027, 1, 5);
        Analytics registered = new Analytics("KZ-2026-1", DAY, BODY, null, null, false, false, false, null, null, null,
                0);
        Escalation running = new Escalation("RUNNING", 1, 0, BODY, due);
        assertEquals(List.of(), failing(new Holdings(ID, new Intake("KZ-2026-1", DAY, false, 1, due), ROUTED,
                inWork(due), true, running, registered)));
        // the office extended after the lapse and escalation kept its date (issue 22): both copies are named
        Holdings split = new Holdings(ID, new Intake("KZ-2026-1", DAY, false, 1, extended), ROUTED, inWork(extended),
                true, running, registered);
        assertEquals(List.of("due-date-agrees"), failing(split));
        assertEquals("escalation's due date is 2026-12-22; response 2027-01-05, intake 2027-01-05",
                AppealRules.ALL.stream().filter(rule -> rule.name().equals("due-date-agrees")).findFirst()
                        .orElseThrow().problem().apply(split).orElseThrow());
        // a lapsed clock at the top of the ladder, or one not yet knowing its term, is not compared
        assertEquals(List.of(), failing(new Holdings(ID, new Intake("KZ-2026-1", DAY, false, 1, extended), ROUTED,
                inWork(extended), true, new Escalation("RUNNING", 1, 0, BODY, null), registered)));
    }

    private static Response inWork(LocalDate due) {
        return new Response("IN_WORK", 1, BODY, false, null, null, null, null, false, List.of(), List.of(), due);
    }

    private static List<String> failing(Holdings holdings) {
        return AppealRules.ALL.stream()
                .filter(rule -> rule.appliesTo().test(holdings) && rule.problem().apply(holdings).isPresent())
                .map(AppealRules.Rule::name).toList();
    }
}
