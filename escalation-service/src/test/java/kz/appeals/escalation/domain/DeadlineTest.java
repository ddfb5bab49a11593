package kz.appeals.escalation.domain;

import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.CalendarYear;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.ExtensionDecision;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.DeadlineWarning;
import kz.appeals.contracts.AppealEvents.DeemedRefused;
import kz.appeals.contracts.AppealEvents.DueDateRecalculated;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.WarningThreshold;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlineTest {

    private static final DeadlinePolicy POLICY = new DeadlinePolicy(WorkingCalendar.bundled());
    static final ClockRules RULES = new ClockRules(POLICY,
            new WarningSchedule(0.5, 0.75, 1, EnumSet.allOf(WarningThreshold.class)),
            new EscalationLadder(Map.of(BodyLevel.DISTRICT_AKIMAT, 15, BodyLevel.REGION_AKIMAT, 10,
                    BodyLevel.PRESIDENTIAL_ADMINISTRATION, 20)));
    private static final Instant NOW = Instant.parse("2025-11-21T05:00:00Z");
    private static final LocalDate REGISTERED = LocalDate.parse("2025-11-21");
    /** 15 working days after Friday 21 November 2025. */
    private static final LocalDate STATUTORY_DUE = LocalDate.parse("2025-12-12");
    private static final AnsweringBody RURAL_AKIM = body("rural-akim:991021000", "991021000");
    private static final AnsweringBody OTHER_AKIM = body("rural-akim:991023000", "991023000");

    private static AnsweringBody body(String code, String kato) {
        return AnsweringBody.of(new Body(code, BodyLevel.RURAL_DISTRICT, kato, "Ауыл әкімі", "Аким округа"));
    }

    private static Deadline fresh() {
        return Deadline.start(UUID.randomUUID(), NOW);
    }

    private static final Consumer<Deadline> SUBMITTED = d -> d.registered(REGISTERED, RULES, NOW);
    private static final Consumer<Deadline> ROUTED = d -> d.assignedTo(RURAL_AKIM, "991020000", "990000000",
            List.of(), REGISTERED, NOW, RULES, NOW);
    private static final Consumer<Deadline> ANSWERED = d -> d.answered(1, RULES, NOW);
    private static final Consumer<Deadline> EXTENDED = d -> d.extended(RURAL_AKIM.code(), LocalDate.parse("2026-01-09"),
            RULES, NOW);

    /**
     * A loaded calendar year that moves a running term's due date gives the event response and intake take it from;
     * one that does not move it, a term nobody holds yet and a stopped one give none.
     */
    @Test
    void aCalendarChangeThatMovesTheDueDateIsPublishedForTheBodyHoldingTheTerm() {
        AtomicReference<WorkingCalendar> calendar = new AtomicReference<>(WorkingCalendar.bundled());
        ClockRules rules = new ClockRules(new DeadlinePolicy(calendar::get), RULES.warnings(), RULES.ladder());
        Deadline held = fresh();
        held.assignedTo(RURAL_AKIM, "991020000", "990000000", List.of(), REGISTERED, NOW, rules, NOW);
        Deadline unheld = fresh();
        unheld.registered(REGISTERED, rules, NOW);
        Deadline answered = fresh();
        answered.assignedTo(RURAL_AKIM, "991020000", "990000000", List.of(), REGISTERED, NOW, rules, NOW);
        answered.answered(1, rules, NOW);
        assertTrue(held.calendarChanged(2025, rules, NOW).isEmpty(), "the same calendar moves nothing");

        calendar.set(WorkingCalendar.bundled().withYear(CalendarYear.parse(2025,
                new StringReader("holiday,2025-12-01,no-carry-over,Test holiday\n"))));
        LocalDate moved = new DeadlinePolicy(calendar.get()).answerDue(REGISTERED);
        assertEquals(LocalDate.parse("2025-12-15"), moved);

        assertEquals(Optional.of(new DueDateRecalculated(held.appealId(), RURAL_AKIM.code(), BodyLevel.RURAL_DISTRICT,
                1, STATUTORY_DUE, moved, 2025, NOW)), held.calendarChanged(2025, rules, NOW));
        assertEquals(moved, held.dueDate());
        assertTrue(unheld.calendarChanged(2025, rules, NOW).isEmpty(), "no body holds the term yet");
        assertEquals(moved, unheld.dueDate());
        assertTrue(answered.calendarChanged(2025, rules, NOW).isEmpty(), "the clock stopped");
    }

    @Test
    void routingOpensTheClockFifteenWorkingDaysAfterRegistration() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        assertEquals(DeadlineStatus.RUNNING, deadline.status());
        assertEquals(STATUTORY_DUE, deadline.dueDate());
        assertEquals(1, deadline.cycle());
    }

    @Test
    void registrationAloneRunsTheClockWithoutABody() {
        Deadline deadline = fresh();
        SUBMITTED.accept(deadline);
        assertEquals(DeadlineStatus.RUNNING, deadline.status());
        assertEquals(STATUTORY_DUE, deadline.dueDate());
        assertTrue(deadline.body().isEmpty());
        assertTrue(deadline.sweep(LocalDate.parse("2026-02-01"), NOW, RULES).isEmpty(), "nobody to hold responsible yet");
        assertNull(deadline.wakeOn());
    }

    @Test
    void anAnswerBeforeTheRoutingLeavesTheClockStopped() {
        Deadline deadline = fresh();
        ANSWERED.accept(deadline);
        assertEquals(DeadlineStatus.STOPPED, deadline.status());
        ROUTED.accept(deadline);
        assertEquals(DeadlineStatus.STOPPED, deadline.status());
        assertEquals(STATUTORY_DUE, deadline.dueDate());
    }

    @Test
    void theOrderOfFactsFromDifferentTopicsDoesNotMatter() {
        assertSameOutcomeInEveryOrder(List.of(SUBMITTED, ROUTED, EXTENDED), DeadlineStatus.RUNNING,
                LocalDate.parse("2026-01-09"));
        assertSameOutcomeInEveryOrder(List.of(SUBMITTED, ROUTED, ANSWERED), DeadlineStatus.STOPPED, STATUTORY_DUE);
    }

    @Test
    void anExtensionWithinTheCapMovesTheDueDate() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        Optional<ExtensionDecision.Rejected> rejection = deadline.extended(RURAL_AKIM.code(),
                LocalDate.parse("2026-01-20"), RULES, NOW);
        assertTrue(rejection.isEmpty());
        assertEquals(LocalDate.parse("2026-01-20"), deadline.dueDate());
    }

    @Test
    void anExtensionPastTheCapIsRejectedAndTheStatutoryDateStands() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        Optional<ExtensionDecision.Rejected> rejection = deadline.extended(RURAL_AKIM.code(),
                LocalDate.parse("2026-01-22"), RULES, NOW);
        assertEquals(ExtensionDecision.Reason.BEYOND_CAP, rejection.orElseThrow().reason());
        assertEquals(STATUTORY_DUE, deadline.dueDate());
    }

    @Test
    void anExtensionBindsOnlyTheBodyThatDecidedIt() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        deadline.extended(OTHER_AKIM.code(), LocalDate.parse("2026-01-09"), RULES, NOW);
        assertEquals(STATUTORY_DUE, deadline.dueDate(), "another body's extension, seen before its redirect");
        deadline.assignedTo(OTHER_AKIM, "991020000", "990000000", List.of(), REGISTERED, NOW, RULES, NOW);
        assertEquals(LocalDate.parse("2026-01-09"), deadline.dueDate(), "the redirect arrived: now it applies");
        deadline.assignedTo(RURAL_AKIM, "991020000", "990000000", List.of(), REGISTERED, NOW, RULES, NOW);
        assertEquals(STATUTORY_DUE, deadline.dueDate(), "redirected away again: the statutory term counts");
    }

    @Test
    void aReopeningStartsANewCycleWithANewTerm() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        EXTENDED.accept(deadline);
        ANSWERED.accept(deadline);
        LocalDate reopenDay = LocalDate.parse("2026-02-02");
        deadline.reopened(2, reopenDay, RULES, NOW);
        assertEquals(DeadlineStatus.RUNNING, deadline.status());
        assertEquals(2, deadline.cycle());
        assertEquals(POLICY.answerDue(reopenDay), deadline.dueDate(), "the first cycle's extension is gone");
        deadline.reopened(2, LocalDate.parse("2026-03-02"), RULES, NOW);
        assertEquals(POLICY.answerDue(reopenDay), deadline.dueDate(), "a repeated reopening changes nothing");
        deadline.answered(1, RULES, NOW);
        assertEquals(DeadlineStatus.RUNNING, deadline.status(), "an old cycle's answer does not stop the new one");
        deadline.answered(2, RULES, NOW);
        assertEquals(DeadlineStatus.STOPPED, deadline.status());
    }

    @Test
    void aTermLapsesTheDayAfterItsDueDateIntoADeemedRefusalAndAnEscalation() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        assertEquals(LocalDate.parse("2025-12-03"), deadline.wakeOn(), "the first warning");
        Instant lapseTime = Instant.parse("2025-12-15T04:00:00Z");
        List<AppealEvent> events = deadline.sweep(LocalDate.parse("2025-12-15"), lapseTime, RULES);

        DeemedRefused refused = assertInstanceOf(DeemedRefused.class, events.get(0));
        assertEquals(RURAL_AKIM.code(), refused.bodyCode());
        assertEquals(STATUTORY_DUE, refused.dueDate());
        Escalated escalated = assertInstanceOf(Escalated.class, events.get(1));
        assertEquals("district:akimat:991020000", escalated.toBody().code());
        // Taken up on Monday 15 December 2025 (registered that day, 09:00 national time): 15 working days with
        // 16 December, 1-2 and 7 January off.
        assertEquals(LocalDate.parse("2026-01-09"), escalated.newDueDate());
        assertEquals(DeadlineStatus.RUNNING, deadline.status());
        assertEquals(1, deadline.escalationStep());
        assertEquals(LocalDate.parse("2025-12-15"), deadline.termStart());
        assertEquals("district:akimat:991020000", deadline.currentBody().orElseThrow().code());
        assertEquals(RURAL_AKIM.code(), deadline.body().orElseThrow().code(), "the routed body is kept");
    }

    @Test
    void everyLevelLapsesInItsOwnTermUpToThePresidentialAdministration() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        List<String> bodies = new ArrayList<>();
        List<LocalDate> dues = new ArrayList<>();
        for (int step = 0; step < 4; step++) {
            LocalDate lapseDay = POLICY.calendar().nextWorkingDay(deadline.dueDate());
            for (AppealEvent event : deadline.sweep(lapseDay, lapseDay.atTime(10, 0).toInstant(AppkTerms.NATIONAL_OFFSET), RULES)) {
                if (event instanceof Escalated escalated) {
                    bodies.add(escalated.toBody().code());
                    dues.add(escalated.newDueDate());
                    assertEquals(escalated.newDueDate(), POLICY.calendar().addWorkingDays(lapseDay,
                            switch (escalated.toBody().level()) {
                                case DISTRICT_AKIMAT -> 15;
                                case REGION_AKIMAT -> 10;
                                default -> 20;
                            }), "each level's own term from the day it took the matter up");
                }
            }
        }
        assertEquals(List.of("district:akimat:991020000", "region:akimat:990000000", "presidential-administration"),
                bodies);
        assertEquals(DeadlineStatus.LAPSED, deadline.status(), "the top of the ladder lapses for good");
        assertEquals(3, deadline.escalationStep());
        assertNull(deadline.wakeOn());
        assertTrue(deadline.sweep(LocalDate.parse("2027-01-01"), NOW, RULES).isEmpty());
    }

    @Test
    void anAnswerAtAHigherLevelStopsTheClockAndAReopeningGoesBackToTheRoutedBody() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        deadline.sweep(LocalDate.parse("2025-12-15"), Instant.parse("2025-12-15T04:00:00Z"), RULES);
        deadline.extended(RURAL_AKIM.code(), LocalDate.parse("2026-01-20"), RULES, NOW);
        assertEquals(LocalDate.parse("2026-01-09"), deadline.dueDate(), "the rural akim's extension binds nobody now");
        ANSWERED.accept(deadline);
        assertEquals(DeadlineStatus.STOPPED, deadline.status());
        deadline.reopened(2, LocalDate.parse("2026-02-02"), RULES, NOW);
        assertEquals(0, deadline.escalationStep());
        assertEquals(RURAL_AKIM.code(), deadline.currentBody().orElseThrow().code());
        assertEquals(POLICY.answerDue(LocalDate.parse("2026-02-02")), deadline.dueDate());
    }

    @Test
    void aRedirectGivesTheNewBodyItsOwnTermAndKeepsTheReceiptDate() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        // Redirected on Wednesday 26 November 2025 at 11:00 national time: the new body's term counts from then.
        Instant redirectedAt = Instant.parse("2025-11-26T06:00:00Z");
        deadline.redirectedTo(OTHER_AKIM, "991020000", "990000000", List.of(), REGISTERED, redirectedAt, RULES, NOW);
        assertEquals(REGISTERED, deadline.registrationDay(), "the citizen's receipt date");
        assertEquals(LocalDate.parse("2025-11-26"), deadline.termStart());
        assertEquals(LocalDate.parse("2025-12-18"), deadline.dueDate(), "15 working days, 16 December off");
        // The two-month cap still counts from the citizen's receipt: 21 January 2026.
        assertTrue(deadline.extended(OTHER_AKIM.code(), LocalDate.parse("2026-01-21"), RULES, NOW).isEmpty());
        assertEquals(ExtensionDecision.Reason.BEYOND_CAP, deadline.extended(OTHER_AKIM.code(),
                LocalDate.parse("2026-01-22"), RULES, NOW).orElseThrow().reason());
    }

    @Test
    void aBodyThatDisclaimedInTimeIsNotHeldToTheTermWhileTheAppealWaitsForTriage() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        // The akim asked for a redirect; routing found no other body (25 November 2025): an operator must place it.
        deadline.awaitingTriage(Instant.parse("2025-11-25T06:00:00Z"), RULES, NOW);
        assertTrue(deadline.currentBody().isEmpty());
        assertTrue(deadline.sweep(LocalDate.parse("2026-01-05"), NOW, RULES).isEmpty(),
                "nothing lapses against the body that disclaimed it");
        // Placed by the operator on Tuesday 2 December 2025 at 11:00: the new body's term counts from that day.
        deadline.assignedTo(OTHER_AKIM, "991020000", "990000000", List.of(), REGISTERED, Instant.parse("2025-12-02T06:00:00Z"),
                RULES, NOW);
        assertEquals(OTHER_AKIM.code(), deadline.currentBody().orElseThrow().code());
        assertEquals(LocalDate.parse("2025-12-02"), deadline.termStart());
        assertEquals(POLICY.answerDue(LocalDate.parse("2025-12-02")), deadline.dueDate());
        assertEquals(REGISTERED, deadline.registrationDay(), "the citizen's receipt date");
    }

    @Test
    void anAppealTriagedAtItsFirstDecisionRunsFromRegistrationOnceAnOperatorPlacesIt() {
        Deadline deadline = fresh();
        SUBMITTED.accept(deadline);
        deadline.awaitingTriage(Instant.parse("2025-11-21T06:00:00Z"), RULES, NOW);
        deadline.assignedTo(RURAL_AKIM, "991020000", "990000000", List.of(), REGISTERED, Instant.parse("2025-11-24T06:00:00Z"),
                RULES, NOW);
        assertEquals(REGISTERED, deadline.termStart());
        assertEquals(STATUTORY_DUE, deadline.dueDate());
    }

    @Test
    void warningsAtHalfThreeQuartersAndOneDayLeftAreEachSentOnce() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        // Term of 15 working days from Friday 21 November 2025: day 8 is 3 December, day 12 is 9 December,
        // day 14 (one working day left) is 11 December.
        assertEquals(LocalDate.parse("2025-12-03"), deadline.wakeOn());
        assertTrue(deadline.sweep(LocalDate.parse("2025-12-02"), NOW, RULES).isEmpty());
        assertEquals(List.of(WarningThreshold.HALF_TERM), thresholds(deadline.sweep(LocalDate.parse("2025-12-03"), NOW, RULES)));
        assertTrue(deadline.sweep(LocalDate.parse("2025-12-03"), NOW, RULES).isEmpty(), "once");
        assertEquals(LocalDate.parse("2025-12-09"), deadline.wakeOn());
        assertEquals(List.of(WarningThreshold.THREE_QUARTERS_TERM), thresholds(deadline.sweep(LocalDate.parse("2025-12-09"), NOW, RULES)));
        assertEquals(List.of(WarningThreshold.ONE_WORKING_DAY_LEFT), thresholds(deadline.sweep(LocalDate.parse("2025-12-11"), NOW, RULES)));
        assertEquals(STATUTORY_DUE.plusDays(1), deadline.wakeOn(), "next: the lapse");
        assertTrue(deadline.sweep(STATUTORY_DUE, NOW, RULES).isEmpty());
        assertEquals(EnumSet.allOf(WarningThreshold.class), deadline.sentWarnings());
    }

    @Test
    void aTermFirstSeenLateSendsOnlyTheMostAdvancedWarningReached() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        List<AppealEvent> events = deadline.sweep(LocalDate.parse("2025-12-10"), NOW, RULES);
        assertEquals(List.of(WarningThreshold.THREE_QUARTERS_TERM), thresholds(events));
        DeadlineWarning warning = (DeadlineWarning) events.get(0);
        assertEquals(STATUTORY_DUE, warning.dueDate());
        assertEquals(BodyLevel.RURAL_DISTRICT, warning.level());
        // what was published, not the half-term warning passed over (issue 22, item 4)
        assertEquals(EnumSet.of(WarningThreshold.THREE_QUARTERS_TERM), deadline.sentWarnings());
        assertTrue(deadline.sweep(LocalDate.parse("2025-12-10"), NOW, RULES).isEmpty(), "the passed-over one never");
        assertEquals(LocalDate.parse("2025-12-11"), deadline.wakeOn());
        assertEquals(List.of(WarningThreshold.ONE_WORKING_DAY_LEFT),
                thresholds(deadline.sweep(LocalDate.parse("2025-12-11"), NOW, RULES)));
        assertEquals(EnumSet.of(WarningThreshold.THREE_QUARTERS_TERM, WarningThreshold.ONE_WORKING_DAY_LEFT),
                deadline.sentWarnings());
    }

    @Test
    void anEscalatedTermWarnsAgainForTheHigherBody() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        deadline.sweep(LocalDate.parse("2025-12-10"), NOW, RULES);
        deadline.sweep(LocalDate.parse("2025-12-15"), Instant.parse("2025-12-15T04:00:00Z"), RULES);
        assertTrue(deadline.sentWarnings().isEmpty());
        List<AppealEvent> events = deadline.sweep(LocalDate.parse("2026-01-08"), NOW, RULES);
        DeadlineWarning warning = assertInstanceOf(DeadlineWarning.class, events.get(0));
        assertEquals(WarningThreshold.ONE_WORKING_DAY_LEFT, warning.threshold());
        assertEquals("district:akimat:991020000", warning.bodyCode());
        assertEquals(BodyLevel.DISTRICT_AKIMAT, warning.level());
    }

    private static List<WarningThreshold> thresholds(List<AppealEvent> events) {
        return events.stream().map(e -> ((DeadlineWarning) e).threshold()).toList();
    }

    @Test
    void anAnswerFromALaterCycleSeenFirstLeavesTheStartDayOpenUntilTheReopening() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        deadline.answered(2, RULES, NOW);
        assertEquals(DeadlineStatus.STOPPED, deadline.status());
        assertNull(deadline.dueDate());
        deadline.reopened(2, LocalDate.parse("2026-02-02"), RULES, NOW);
        assertEquals(DeadlineStatus.STOPPED, deadline.status());
        assertEquals(POLICY.answerDue(LocalDate.parse("2026-02-02")), deadline.dueDate());
    }

    private static void assertSameOutcomeInEveryOrder(List<Consumer<Deadline>> facts, DeadlineStatus status,
                                                      LocalDate dueDate) {
        for (List<Consumer<Deadline>> order : permutations(facts)) {
            Deadline deadline = fresh();
            order.forEach(fact -> fact.accept(deadline));
            assertEquals(status, deadline.status());
            assertEquals(dueDate, deadline.dueDate());
            assertEquals(RURAL_AKIM.code(), deadline.body().orElseThrow().code());
        }
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
