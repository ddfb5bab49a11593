package kz.appeals.bench.ledger;

import kz.appeals.bench.ledger.Holdings.Analytics;
import kz.appeals.bench.ledger.Holdings.Escalation;
import kz.appeals.bench.ledger.Holdings.Response;
import kz.appeals.bench.ledger.Holdings.Routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What "consistent" means for one appeal once no event is in flight, as named rules over its {@link Holdings}.
 * Intake's appeal table is the source of truth; each rule says which services must agree on what, and why.
 */
public final class AppealRules {

    /**
     * @param appliesTo the appeals the rule speaks about (counted as checked)
     * @param problem   what differs, empty when the services agree
     */
    public record Rule(String name, String why, Predicate<Holdings> appliesTo,
                       Function<Holdings, Optional<String>> problem) {
    }

    public static final List<Rule> ALL = List.of(
            new Rule("accepted-by-intake",
                    "intake is the source of truth: a row elsewhere without intake's is an appeal nobody registered",
                    h -> true,
                    h -> when(h.intake() == null, "intake never accepted it; held by " + holders(h))),
            new Rule("submitted-once",
                    "two appeal.submitted events (distinct ids) would register the appeal twice with every consumer",
                    h -> h.intake() != null,
                    h -> when(h.intake().submittedEvents() > 1,
                            "intake's outbox holds " + h.intake().submittedEvents() + " submitted events")),
            new Rule("routing-knows",
                    "routing decides on every submitted appeal: routed, needs triage or outside competence",
                    h -> h.intake() != null,
                    h -> when(h.routing() == null, "routing holds no decision")),
            new Rule("escalation-knows",
                    "escalation opens the statutory clock when the appeal is registered (appeal.submitted)",
                    h -> h.intake() != null,
                    h -> when(h.escalation() == null, "escalation holds no deadline")),
            new Rule("analytics-knows",
                    "analytics keeps exactly one fact per registered appeal; a missing one drops out of every metric",
                    h -> h.intake() != null,
                    h -> when(h.analytics() == null, "analytics holds no fact")),
            new Rule("response-knows-applicant",
                    "rating and reopening are checked against the pseudonym response took from appeal.submitted",
                    h -> h.intake() != null && !h.intake().anonymousSignal(),
                    h -> when(!h.responseKnowsApplicant(), "response holds no applicant pseudonym")),
            new Rule("registration-agrees",
                    "receipt number and registration day never change after intake: a copy that differs is corrupt",
                    h -> h.intake() != null && (h.routing() != null || h.analytics() != null),
                    AppealRules::registrationDiffers),
            new Rule("response-knows-routed",
                    "routing's decision for a body puts the appeal into that body's inbox (appeal.routed/redirected)",
                    h -> h.routing() != null && "ROUTED".equals(h.routing().status()),
                    h -> when(h.response() == null, "response holds no appeal although routing routed it")),
            new Rule("response-holds-only-routed",
                    "response receives only routed appeals; one routing took back waits only on its redirect request",
                    h -> h.response() != null,
                    h -> when(h.routing() == null || !"ROUTED".equals(h.routing().status())
                                    && !"REDIRECT_REQUESTED".equals(h.response().status()),
                            "response holds it " + h.response().status() + " but routing's decision is "
                                    + (h.routing() == null ? "missing" : h.routing().status()))),
            new Rule("body-agrees",
                    "the body routing named last is the one whose inbox, clock and metrics the appeal is in",
                    h -> h.routing() != null && "ROUTED".equals(h.routing().status()),
                    AppealRules::bodyDiffers),
            new Rule("answered-clock-stopped",
                    "an answer stops its cycle's statutory clock: an answered appeal has no running term",
                    h -> h.response() != null && !h.response().open(),
                    h -> clockDiffers(h.response(), h.escalation(), "STOPPED")),
            new Rule("open-clock-running",
                    "an open appeal's term runs (or has lapsed) in its current cycle until it is answered",
                    h -> h.response() != null && h.response().open(),
                    h -> clockDiffers(h.response(), h.escalation(), "RUNNING", "LAPSED")),
            new Rule("due-date-agrees",
                    "escalation owns the due date; the office's inbox and the citizen's timeline show the one it counts",
                    h -> h.response() != null && h.response().open()
                            && !"REDIRECT_REQUESTED".equals(h.response().status())
                            && h.escalation() != null && "RUNNING".equals(h.escalation().status())
                            && h.escalation().cycle() == h.response().cycle() && h.escalation().dueDate() != null,
                    AppealRules::dueDateDiffers),
            new Rule("stopped-clock-answered",
                    "only an answer, or routing's outside-competence notice, stops a clock",
                    h -> h.escalation() != null && "STOPPED".equals(h.escalation().status()),
                    h -> when(!(h.response() != null && !h.response().open()
                                    || h.routing() != null && "OUTSIDE_COMPETENCE".equals(h.routing().status())),
                            "escalation stopped the clock; response " + (h.response() == null ? "holds no appeal"
                                    : "holds it " + h.response().status()))),
            new Rule("escalation-reached-response",
                    "a lapse escalated by escalation is shown to the higher body through response (appeal.escalated)",
                    h -> h.escalation() != null && h.escalation().escalationStep() > 0 && h.response() != null,
                    h -> when(!h.response().escalated() || h.response().escalatedToBodies().isEmpty(),
                            "escalation is at step " + h.escalation().escalationStep()
                                    + " but response records no escalation")),
            new Rule("analytics-counts-answer",
                    "analytics measures answers from appeal.answered: each one counted, none invented",
                    h -> h.response() != null || h.analytics() != null && h.analytics().outcome() != null,
                    AppealRules::answerDiffers),
            new Rule("analytics-counts-rating",
                    "the trust index uses the latest rating, which response holds with its answer",
                    h -> h.response() != null && h.analytics() != null,
                    h -> when(!Objects.equals(h.response().ratingCycle(), h.analytics().ratingCycle())
                                    || !Objects.equals(h.response().ratingSatisfied(), h.analytics().ratedSatisfied()),
                            "response's latest rating is cycle " + h.response().ratingCycle() + " satisfied "
                                    + h.response().ratingSatisfied() + ", analytics' cycle "
                                    + h.analytics().ratingCycle() + " satisfied " + h.analytics().ratedSatisfied())),
            new Rule("analytics-counts-reopenings",
                    "cycle n of an appeal means n - 1 reopenings, which analytics counts from appeal.reopened",
                    h -> h.response() != null && h.analytics() != null,
                    h -> when(h.analytics().reopenedCount() != h.response().cycle() - 1,
                            "response is in cycle " + h.response().cycle() + ", analytics counts "
                                    + h.analytics().reopenedCount() + " reopenings")),
            new Rule("analytics-counts-extension",
                    "an extension is published as appeal.extended and marks the fact extended",
                    h -> h.response() != null && h.analytics() != null,
                    h -> when(h.response().extended() != h.analytics().extended(),
                            "response extended " + h.response().extended() + ", analytics extended "
                                    + h.analytics().extended())),
            new Rule("analytics-counts-lapse",
                    "a lapsed term is published as appeal.deemed-refused, which analytics keeps for good",
                    h -> h.escalation() != null && h.analytics() != null
                            && (h.escalation().escalationStep() > 0 || "LAPSED".equals(h.escalation().status())),
                    h -> when(!h.analytics().deemedRefused(), "escalation lapsed the term ("
                            + h.escalation().status() + ", step " + h.escalation().escalationStep()
                            + ") but analytics has no deemed refusal")),
            new Rule("analytics-counts-escalation",
                    "the level an escalation reached is one response recorded from appeal.escalated, and only then",
                    h -> h.response() != null && h.analytics() != null,
                    h -> when(h.analytics().escalationLevel() == null
                                    ? !h.response().escalatedToLevels().isEmpty()
                                    : !h.response().escalatedToLevels().contains(h.analytics().escalationLevel()),
                            "response recorded escalations to " + h.response().escalatedToLevels()
                                    + ", analytics' level is " + h.analytics().escalationLevel())));

    private AppealRules() {
    }

    private static Optional<String> when(boolean differs, String problem) {
        return differs ? Optional.of(problem) : Optional.empty();
    }

    private static String holders(Holdings h) {
        List<String> holders = new ArrayList<>();
        if (h.routing() != null) {
            holders.add("routing");
        }
        if (h.response() != null || h.responseKnowsApplicant()) {
            holders.add("response");
        }
        if (h.escalation() != null) {
            holders.add("escalation");
        }
        if (h.analytics() != null) {
            holders.add("analytics");
        }
        return String.join(", ", holders);
    }

    private static Optional<String> registrationDiffers(Holdings h) {
        List<String> differences = new ArrayList<>();
        Routing routing = h.routing();
        if (routing != null && (!Objects.equals(routing.receiptNumber(), h.intake().receiptNumber())
                || !Objects.equals(routing.registrationDay(), h.intake().registrationDay()))) {
            differences.add("routing has " + routing.receiptNumber() + " of " + routing.registrationDay());
        }
        Analytics analytics = h.analytics();
        if (analytics != null && (!Objects.equals(analytics.receiptNumber(), h.intake().receiptNumber())
                || !Objects.equals(analytics.registrationDay(), h.intake().registrationDay()))) {
            differences.add("analytics has " + analytics.receiptNumber() + " of " + analytics.registrationDay());
        }
        return when(!differences.isEmpty(), "intake registered " + h.intake().receiptNumber() + " on "
                + h.intake().registrationDay() + "; " + String.join("; ", differences));
    }

    private static Optional<String> bodyDiffers(Holdings h) {
        String routed = h.routing().bodyCode();
        List<String> differences = new ArrayList<>();
        Response response = h.response();
        if (response != null && !routed.equals(response.bodyCode()) && !response.takenOver()) {
            differences.add("response " + response.bodyCode());
        }
        if (h.escalation() != null && !routed.equals(h.escalation().bodyCode())) {
            differences.add("escalation " + h.escalation().bodyCode());
        }
        if (h.analytics() != null && !routed.equals(h.analytics().bodyCode())) {
            differences.add("analytics " + h.analytics().bodyCode());
        }
        return when(!differences.isEmpty(), "routing named " + routed + "; " + String.join(", ", differences));
    }

    private static Optional<String> dueDateDiffers(Holdings h) {
        LocalDate owned = h.escalation().dueDate();
        List<String> differences = new ArrayList<>();
        if (!owned.equals(h.response().dueDate())) {
            differences.add("response " + h.response().dueDate());
        }
        if (h.intake() != null && !owned.equals(h.intake().dueOn())) {
            differences.add("intake " + h.intake().dueOn());
        }
        return when(!differences.isEmpty(), "escalation's due date is " + owned + "; " + String.join(", ", differences));
    }

    private static Optional<String> clockDiffers(Response response, Escalation escalation, String... expected) {
        if (escalation == null) {
            return Optional.of("response holds it " + response.status() + " but escalation holds no deadline");
        }
        return when(!List.of(expected).contains(escalation.status()) || escalation.cycle() != response.cycle(),
                "response holds it " + response.status() + " in cycle " + response.cycle() + ", escalation's clock is "
                        + escalation.status() + " in cycle " + escalation.cycle());
    }

    private static Optional<String> answerDiffers(Holdings h) {
        Response response = h.response();
        Analytics analytics = h.analytics();
        Integer answeredCycle = response == null ? null : response.answerCycle();
        String outcome = response == null ? null : response.answerOutcome();
        if (analytics == null) {
            return when(answeredCycle != null, "response answered cycle " + answeredCycle + " but analytics holds no fact");
        }
        return when(!Objects.equals(answeredCycle, analytics.outcomeCycle()) || !Objects.equals(outcome, analytics.outcome())
                        || analytics.answered() != (answeredCycle != null),
                "response's latest answer is " + outcome + " in cycle " + answeredCycle + ", analytics' is "
                        + analytics.outcome() + " in cycle " + analytics.outcomeCycle()
                        + (analytics.answered() ? "" : " (no first answer counted)"));
    }
}
