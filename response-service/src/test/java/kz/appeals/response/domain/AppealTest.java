package kz.appeals.response.domain;

import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.response.domain.Assignment.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The appeal's rules without a database: office actions and the ordering of routing decisions. */
class AppealTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Instant T2 = T1.plusSeconds(3600);
    private static final Instant NOW = T2.plusSeconds(3600);

    private static Assignment assignment(Kind kind, String body, Instant at) {
        return new Assignment(kind, ID, "R-2026-000001", body, "kato-" + body, "111111000", "111100000",
                "110000000", "roads", AppealType.APPLICATION, Language.ru, "Pothole", LocalDate.of(2026, 11, 23),
                "rule", "/kz/appeals/routing", at);
    }

    private static Appeal routedTo(String body, Instant at) {
        return Appeal.assigned(assignment(Kind.ROUTED, body, at));
    }

    @Test
    void arrivesRoutedToTheChosenBody() {
        Assignment routed = assignment(Kind.ROUTED, "A", T0);
        Appeal appeal = Appeal.assigned(routed);
        assertEquals(AppealStatus.ROUTED, appeal.status());
        assertEquals("A", appeal.bodyCode());
        assertEquals(1, appeal.cycle());
        StatusChange arrival = appeal.arrival(routed);
        assertNull(arrival.from());
        assertEquals(AppealStatus.ROUTED, arrival.to());
        assertEquals("ROUTED", arrival.action());
    }

    @Test
    void acknowledgeThenAnswer() {
        Appeal appeal = routedTo("A", T0);
        StatusChange ack = appeal.acknowledge("clerk", NOW);
        assertEquals(AppealStatus.ROUTED, ack.from());
        assertEquals(AppealStatus.IN_WORK, ack.to());
        StatusChange answer = appeal.answer(Outcome.SATISFIED, Language.ru, "Repaired", "clerk", NOW);
        assertEquals(AppealStatus.IN_WORK, answer.from());
        assertEquals(AppealStatus.ANSWERED, appeal.status());
        assertEquals("Repaired", appeal.answerText());
        assertEquals("clerk", appeal.answeredBy());
        assertEquals(NOW, appeal.answeredAt());
    }

    @Test
    void answersOnlyInKazakhOrTheAppealsLanguage() {
        assertEquals(AppealStatus.ANSWERED,
                answeredIn(Language.kk).status());
        assertThrows(AnswerLanguageException.class, () -> answeredIn(Language.en));
        Appeal appeal = routedTo("A", T0);
        assertThrows(AnswerLanguageException.class,
                () -> appeal.answer(Outcome.EXPLAINED, Language.en, "Text", "clerk", NOW));
        assertEquals(AppealStatus.ROUTED, appeal.status(), "a refused answer changes nothing");
    }

    private static Appeal answeredIn(Language language) {
        Appeal appeal = routedTo("A", T0);
        appeal.answer(Outcome.EXPLAINED, language, "Text", "clerk", NOW);
        return appeal;
    }

    @Test
    void illegalActionLeavesTheStatus() {
        Appeal appeal = routedTo("A", T0);
        appeal.answer(Outcome.REFUSED, Language.ru, "No", "clerk", NOW);
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> appeal.acknowledge("clerk", NOW));
        assertEquals(AppealStatus.ANSWERED, refused.current());
        assertEquals(AppealStatus.ANSWERED, appeal.status());
    }

    @Test
    void redirectNeedsAReason() {
        Appeal appeal = routedTo("A", T0);
        assertThrows(IllegalArgumentException.class, () -> appeal.requestRedirect(" ", "clerk", NOW));
        StatusChange change = appeal.requestRedirect("Utility's competence", "clerk", NOW);
        assertEquals(AppealStatus.REDIRECT_REQUESTED, change.to());
        assertEquals("Utility's competence", change.reason());
    }

    @Test
    void redirectMovesTheAppealToTheNewBodysInbox() {
        Appeal appeal = routedTo("A", T0);
        appeal.acknowledge("clerk", NOW);
        appeal.requestRedirect("Not ours", "clerk", NOW);
        Optional<StatusChange> change = appeal.reassign(assignment(Kind.REDIRECTED, "B", T1));
        assertTrue(change.isPresent());
        assertEquals(AppealStatus.REDIRECT_REQUESTED, change.get().from());
        assertEquals(AppealStatus.ROUTED, appeal.status());
        assertEquals("B", appeal.bodyCode());
        assertEquals("kato-B", appeal.bodyKato());
    }

    @Test
    void aRepeatedRoutingEventChangesNothing() {
        Appeal appeal = routedTo("A", T0);
        appeal.acknowledge("clerk", NOW);
        assertTrue(appeal.reassign(assignment(Kind.ROUTED, "A", T0)).isEmpty());
        assertEquals(AppealStatus.IN_WORK, appeal.status());
    }

    @Test
    void aRoutedEventOvertakenByARedirectDoesNotMoveTheAppealBack() {
        Appeal appeal = Appeal.assigned(assignment(Kind.REDIRECTED, "B", T1));
        assertTrue(appeal.reassign(assignment(Kind.ROUTED, "A", T0)).isEmpty());
        assertEquals("B", appeal.bodyCode());
        assertEquals(AppealStatus.ROUTED, appeal.status());
        assertEquals(T1, appeal.routingOccurredAt());
    }

    @Test
    void aLateRedirectDoesNotReopenAnAnswerOfTheNewBody() {
        Appeal appeal = routedTo("A", T0);
        appeal.requestRedirect("Not ours", "clerk", NOW);
        appeal.reassign(assignment(Kind.REDIRECTED, "B", T1));
        appeal.answer(Outcome.SATISFIED, Language.ru, "Done", "clerk-b", NOW);
        assertTrue(appeal.reassign(assignment(Kind.REDIRECTED, "B", T1)).isEmpty());
        assertTrue(appeal.reassign(assignment(Kind.REDIRECTED, "C", T2)).isEmpty(),
                "routing never undoes an answer");
        assertEquals(AppealStatus.ANSWERED, appeal.status());
        assertEquals("B", appeal.bodyCode());
    }

    @Test
    void aNewerDecisionForTheSameBodyKeepsTheOfficesProgress() {
        Appeal appeal = routedTo("A", T0);
        appeal.acknowledge("clerk", NOW);
        assertTrue(appeal.reassign(assignment(Kind.ROUTED, "A", T1)).isEmpty());
        assertEquals(AppealStatus.IN_WORK, appeal.status());
        assertEquals(T1, appeal.routingOccurredAt());
    }

    @Test
    void routingMayGiveARedirectRequestBackToTheSameBody() {
        Appeal appeal = routedTo("A", T0);
        appeal.requestRedirect("Not ours", "clerk", NOW);
        Optional<StatusChange> change = appeal.reassign(assignment(Kind.REDIRECTED, "A", T1));
        assertTrue(change.isPresent());
        assertEquals(AppealStatus.ROUTED, appeal.status());
    }

    @Test
    void eitherOrderOfRoutedAndRedirectedEndsTheSame() {
        Appeal inOrder = routedTo("A", T0);
        inOrder.reassign(assignment(Kind.REDIRECTED, "B", T1));
        Appeal reversed = Appeal.assigned(assignment(Kind.REDIRECTED, "B", T1));
        reversed.reassign(assignment(Kind.ROUTED, "A", T0));
        assertEquals(inOrder.bodyCode(), reversed.bodyCode());
        assertEquals(inOrder.status(), reversed.status());
        assertEquals(inOrder.routingOccurredAt(), reversed.routingOccurredAt());
    }

    @Test
    void eventTimesAreComparedAtDatabasePrecision() {
        Appeal appeal = routedTo("A", T0.plusNanos(1_000));
        assertTrue(appeal.reassign(assignment(Kind.REDIRECTED, "B", T0.plusNanos(1_400))).isEmpty(),
                "the same microsecond is not newer");
    }
}
