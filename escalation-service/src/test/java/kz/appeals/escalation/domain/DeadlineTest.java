package kz.appeals.escalation.domain;

import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.ExtensionDecision;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlineTest {

    private static final DeadlinePolicy POLICY = new DeadlinePolicy(WorkingCalendar.bundled());
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

    private static final Consumer<Deadline> SUBMITTED = d -> d.registered(REGISTERED, POLICY, NOW);
    private static final Consumer<Deadline> ROUTED = d -> d.assignedTo(RURAL_AKIM, "991020000", REGISTERED, POLICY, NOW);
    private static final Consumer<Deadline> ANSWERED = d -> d.answered(1, POLICY, NOW);
    private static final Consumer<Deadline> EXTENDED = d -> d.extended(RURAL_AKIM.code(), LocalDate.parse("2026-01-09"),
            POLICY, NOW);

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
        assertFalse(deadline.isLapsedOn(LocalDate.parse("2026-02-01"), POLICY), "nobody to hold responsible yet");
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
                LocalDate.parse("2026-01-20"), POLICY, NOW);
        assertTrue(rejection.isEmpty());
        assertEquals(LocalDate.parse("2026-01-20"), deadline.dueDate());
    }

    @Test
    void anExtensionPastTheCapIsRejectedAndTheStatutoryDateStands() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        Optional<ExtensionDecision.Rejected> rejection = deadline.extended(RURAL_AKIM.code(),
                LocalDate.parse("2026-01-22"), POLICY, NOW);
        assertEquals(ExtensionDecision.Reason.BEYOND_CAP, rejection.orElseThrow().reason());
        assertEquals(STATUTORY_DUE, deadline.dueDate());
    }

    @Test
    void anExtensionBindsOnlyTheBodyThatDecidedIt() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        deadline.extended(OTHER_AKIM.code(), LocalDate.parse("2026-01-09"), POLICY, NOW);
        assertEquals(STATUTORY_DUE, deadline.dueDate(), "another body's extension, seen before its redirect");
        deadline.assignedTo(OTHER_AKIM, "991020000", REGISTERED, POLICY, NOW);
        assertEquals(LocalDate.parse("2026-01-09"), deadline.dueDate(), "the redirect arrived: now it applies");
        deadline.assignedTo(RURAL_AKIM, "991020000", REGISTERED, POLICY, NOW);
        assertEquals(STATUTORY_DUE, deadline.dueDate(), "redirected away again: the statutory term counts");
    }

    @Test
    void aReopeningStartsANewCycleWithANewTerm() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        EXTENDED.accept(deadline);
        ANSWERED.accept(deadline);
        LocalDate reopenDay = LocalDate.parse("2026-02-02");
        deadline.reopened(2, reopenDay, POLICY, NOW);
        assertEquals(DeadlineStatus.RUNNING, deadline.status());
        assertEquals(2, deadline.cycle());
        assertEquals(POLICY.answerDue(reopenDay), deadline.dueDate(), "the first cycle's extension is gone");
        deadline.reopened(2, LocalDate.parse("2026-03-02"), POLICY, NOW);
        assertEquals(POLICY.answerDue(reopenDay), deadline.dueDate(), "a repeated reopening changes nothing");
        deadline.answered(1, POLICY, NOW);
        assertEquals(DeadlineStatus.RUNNING, deadline.status(), "an old cycle's answer does not stop the new one");
        deadline.answered(2, POLICY, NOW);
        assertEquals(DeadlineStatus.STOPPED, deadline.status());
    }

    @Test
    void aTermLapsesTheDayAfterItsDueDate() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        assertFalse(deadline.isLapsedOn(STATUTORY_DUE, POLICY));
        assertThrows(IllegalStateException.class, () -> deadline.lapse(STATUTORY_DUE, POLICY, NOW));
        deadline.lapse(STATUTORY_DUE.plusDays(1), POLICY, NOW);
        assertEquals(DeadlineStatus.LAPSED, deadline.status());
        assertFalse(deadline.isLapsedOn(STATUTORY_DUE.plusDays(2), POLICY), "lapses once");
    }

    @Test
    void aLapseIsHistoryALateExtensionCannotUndo() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        deadline.lapse(STATUTORY_DUE.plusDays(1), POLICY, NOW);
        EXTENDED.accept(deadline);
        assertEquals(DeadlineStatus.LAPSED, deadline.status());
        assertEquals(STATUTORY_DUE, deadline.dueDate(), "the date the deemed refusal was published for");
        ANSWERED.accept(deadline);
        assertEquals(DeadlineStatus.STOPPED, deadline.status(), "a late answer still stops the clock");
    }

    @Test
    void anAnswerFromALaterCycleSeenFirstLeavesTheStartDayOpenUntilTheReopening() {
        Deadline deadline = fresh();
        ROUTED.accept(deadline);
        deadline.answered(2, POLICY, NOW);
        assertEquals(DeadlineStatus.STOPPED, deadline.status());
        assertNull(deadline.dueDate());
        deadline.reopened(2, LocalDate.parse("2026-02-02"), POLICY, NOW);
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
