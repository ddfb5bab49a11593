package kz.appeals.response.domain;

import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.response.domain.Assignment.Kind;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.ExtensionDecision;
import kz.appeals.appk.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private static final DeadlinePolicy DEADLINES = new DeadlinePolicy(WorkingCalendar.bundled());
    /** Registration day of every test appeal: Monday 23 November 2026. */
    private static final LocalDate REGISTERED = LocalDate.of(2026, 11, 23);

    private static Assignment assignment(Kind kind, String body, Instant at) {
        return assignment(kind, body, at, null);
    }

    private static Assignment assignment(Kind kind, String body, Instant at, UUID issueId) {
        return new Assignment(kind, ID, "R-2026-000001", body, "kato-" + body, "111111000", "111100000",
                "110000000", "roads", AppealType.APPLICATION, Language.ru, "Pothole", REGISTERED,
                "rule", "/kz/appeals/routing", at, issueId);
    }

    private static Appeal routedTo(String body, Instant at) {
        return Appeal.assigned(assignment(Kind.ROUTED, body, at), DEADLINES);
    }

    @Test
    void arrivesRoutedToTheChosenBody() {
        Assignment routed = assignment(Kind.ROUTED, "A", T0);
        Appeal appeal = Appeal.assigned(routed, DEADLINES);
        assertEquals(AppealStatus.ROUTED, appeal.status());
        assertEquals("A", appeal.bodyCode());
        assertEquals(1, appeal.cycle());
        StatusChange arrival = appeal.arrival(routed);
        assertNull(arrival.from());
        assertEquals(AppealStatus.ROUTED, arrival.to());
        assertEquals("ROUTED", arrival.action());
    }

    /** The escalation service's recalculation after a calendar load is taken only for the term the appeal shows. */
    @Test
    void aRecalculatedDueDateReplacesOnlyTheTermItWasCountedFor() {
        Appeal appeal = routedTo("A", T0);
        LocalDate shown = appeal.dueDate();
        LocalDate moved = DEADLINES.calendar().addWorkingDays(shown, 1);

        assertFalse(appeal.dueDateRecalculated("A", "B", 1, shown, moved), "another body's term");
        assertFalse(appeal.dueDateRecalculated("A", "A", 2, shown, moved), "another cycle's term");
        assertFalse(appeal.dueDateRecalculated("A", "A", 1, shown.minusDays(1), moved),
                "a date this appeal no longer shows (e.g. the office extended it meanwhile)");
        assertEquals(shown, appeal.dueDate());

        assertTrue(appeal.dueDateRecalculated("A", "A", 1, shown, moved));
        assertEquals(moved, appeal.dueDate());
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
        AppealAnswer given = appeal.answers().get(0);
        assertEquals("Repaired", given.text());
        assertEquals("clerk", given.answeredBy());
        assertEquals(NOW, given.answeredAt());
        assertEquals(1, given.cycle());
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
        RuleViolationException refused = assertThrows(RuleViolationException.class,
                () -> appeal.requestRedirect(" ", "clerk", NOW));
        assertEquals("reason", refused.field());
        StatusChange change = appeal.requestRedirect("Utility's competence", "clerk", NOW);
        assertEquals(AppealStatus.REDIRECT_REQUESTED, change.to());
        assertEquals("Utility's competence", change.reason());
    }

    @Test
    void redirectMovesTheAppealToTheNewBodysInbox() {
        Appeal appeal = routedTo("A", T0);
        appeal.acknowledge("clerk", NOW);
        appeal.requestRedirect("Not ours", "clerk", NOW);
        Optional<StatusChange> change = appeal.reassign(assignment(Kind.REDIRECTED, "B", T1), DEADLINES);
        assertTrue(change.isPresent());
        assertEquals(AppealStatus.REDIRECT_REQUESTED, change.get().from());
        assertEquals(AppealStatus.ROUTED, appeal.status());
        assertEquals("B", appeal.bodyCode());
        assertEquals("kato-B", appeal.bodyKato());
    }

    @Test
    void theNewBodyOfARedirectHasItsOwnTermAndTheCitizensCapStays() {
        Appeal appeal = routedTo("A", T0);
        assertEquals(DEADLINES.answerDue(REGISTERED), appeal.dueDate());
        appeal.requestRedirect("Not ours", "clerk", NOW);
        // redirected on Monday 30 November, 10:00 in Kazakhstan: B's 15 working days count from that day
        LocalDate received = LocalDate.of(2026, 11, 30);
        appeal.reassign(assignment(Kind.REDIRECTED, "B", Instant.parse("2026-11-30T05:00:00Z")), DEADLINES);
        assertEquals(received, appeal.termStart());
        assertEquals(DEADLINES.answerDue(received), appeal.dueDate());
        appeal.acknowledge("clerk-b", NOW);
        // the two months still run from the citizen's receipt (23 November): 25 January is beyond them
        RuleViolationException beyondCap = assertThrows(RuleViolationException.class,
                () -> appeal.extend(LocalDate.of(2027, 1, 25), "Survey", "head", NOW, DEADLINES));
        assertEquals("newDueDate", beyondCap.field());
    }

    @Test
    void aBodyAnOperatorNamesAfterADisclaimerHasItsOwnTermToo() {
        Appeal appeal = routedTo("A", T0);
        appeal.requestRedirect("Not ours", "clerk", NOW);
        // routing found no other body; an operator placed it on Monday 30 November (routed, method MANUAL)
        appeal.reassign(assignment(Kind.ROUTED, "B", Instant.parse("2026-11-30T05:00:00Z")), DEADLINES);
        assertEquals("B", appeal.bodyCode());
        assertEquals(LocalDate.of(2026, 11, 30), appeal.termStart());
        assertEquals(DEADLINES.answerDue(LocalDate.of(2026, 11, 30)), appeal.dueDate());
    }

    @Test
    void theIssueIsTheOneOfRoutingsLatestDecision() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Appeal appeal = Appeal.assigned(assignment(Kind.ROUTED, "RD-1", T1, first), DEADLINES);
        assertEquals(first, appeal.issueId());
        appeal.reassign(assignment(Kind.REDIRECTED, "RD-2", T2, second), DEADLINES);
        assertEquals(second, appeal.issueId());
        appeal.reassign(assignment(Kind.ROUTED, "RD-1", T1, first), DEADLINES);
        assertEquals(second, appeal.issueId(), "an overtaken decision changes nothing");
    }

    @Test
    void aRepeatedRoutingEventChangesNothing() {
        Appeal appeal = routedTo("A", T0);
        appeal.acknowledge("clerk", NOW);
        assertTrue(appeal.reassign(assignment(Kind.ROUTED, "A", T0), DEADLINES).isEmpty());
        assertEquals(AppealStatus.IN_WORK, appeal.status());
    }

    @Test
    void aRoutedEventOvertakenByARedirectDoesNotMoveTheAppealBack() {
        Appeal appeal = Appeal.assigned(assignment(Kind.REDIRECTED, "B", T1), DEADLINES);
        assertTrue(appeal.reassign(assignment(Kind.ROUTED, "A", T0), DEADLINES).isEmpty());
        assertEquals("B", appeal.bodyCode());
        assertEquals(AppealStatus.ROUTED, appeal.status());
        assertEquals(T1, appeal.routingOccurredAt());
    }

    @Test
    void aLateRedirectDoesNotReopenAnAnswerOfTheNewBody() {
        Appeal appeal = routedTo("A", T0);
        appeal.requestRedirect("Not ours", "clerk", NOW);
        appeal.reassign(assignment(Kind.REDIRECTED, "B", T1), DEADLINES);
        appeal.answer(Outcome.SATISFIED, Language.ru, "Done", "clerk-b", NOW);
        assertTrue(appeal.reassign(assignment(Kind.REDIRECTED, "B", T1), DEADLINES).isEmpty());
        assertTrue(appeal.reassign(assignment(Kind.REDIRECTED, "C", T2), DEADLINES).isEmpty(),
                "routing never undoes an answer");
        assertEquals(AppealStatus.ANSWERED, appeal.status());
        assertEquals("B", appeal.bodyCode());
    }

    @Test
    void aNewerDecisionForTheSameBodyKeepsTheOfficesProgress() {
        Appeal appeal = routedTo("A", T0);
        appeal.acknowledge("clerk", NOW);
        assertTrue(appeal.reassign(assignment(Kind.ROUTED, "A", T1), DEADLINES).isEmpty());
        assertEquals(AppealStatus.IN_WORK, appeal.status());
        assertEquals(T1, appeal.routingOccurredAt());
    }

    @Test
    void routingMayGiveARedirectRequestBackToTheSameBody() {
        Appeal appeal = routedTo("A", T0);
        appeal.requestRedirect("Not ours", "clerk", NOW);
        Optional<StatusChange> change = appeal.reassign(assignment(Kind.REDIRECTED, "A", T1), DEADLINES);
        assertTrue(change.isPresent());
        assertEquals(AppealStatus.ROUTED, appeal.status());
    }

    @Test
    void eitherOrderOfRoutedAndRedirectedEndsTheSame() {
        Appeal inOrder = routedTo("A", T0);
        inOrder.reassign(assignment(Kind.REDIRECTED, "B", T1), DEADLINES);
        Appeal reversed = Appeal.assigned(assignment(Kind.REDIRECTED, "B", T1), DEADLINES);
        reversed.reassign(assignment(Kind.ROUTED, "A", T0), DEADLINES);
        assertEquals(inOrder.bodyCode(), reversed.bodyCode());
        assertEquals(inOrder.status(), reversed.status());
        assertEquals(inOrder.routingOccurredAt(), reversed.routingOccurredAt());
    }

    @Test
    void eventTimesAreComparedAtDatabasePrecision() {
        Appeal appeal = routedTo("A", T0.plusNanos(1_000));
        assertTrue(appeal.reassign(assignment(Kind.REDIRECTED, "B", T0.plusNanos(1_400)), DEADLINES).isEmpty(),
                "the same microsecond is not newer");
    }

    @Test
    void theTermIsFifteenWorkingDaysFromRegistration() {
        Appeal appeal = routedTo("A", T0);
        assertEquals(REGISTERED, appeal.termStart());
        assertEquals(DEADLINES.answerDue(REGISTERED), appeal.dueDate());
    }

    @Test
    void theHeadExtendsTheTermWithinTwoMonthsOfReceipt() {
        Appeal appeal = routedTo("A", T0);
        LocalDate cap = DEADLINES.extensionCap(REGISTERED);
        LocalDate lastWorkingDay = cap;
        while (!DEADLINES.calendar().isWorkingDay(lastWorkingDay)) {
            lastWorkingDay = lastWorkingDay.minusDays(1);
        }
        StatusChange change = appeal.extend(lastWorkingDay, "Contractor needed", "head", NOW, DEADLINES);
        assertEquals(AppealStatus.ROUTED, change.to());
        assertEquals("EXTEND", change.action());
        assertEquals("Contractor needed", change.reason());
        assertEquals(lastWorkingDay, appeal.dueDate());
    }

    @Test
    void anExtensionPastTheCapOrWithoutReasonChangesNothing() {
        Appeal appeal = routedTo("A", T0);
        LocalDate due = appeal.dueDate();
        RuleViolationException beyond = assertThrows(RuleViolationException.class, () -> appeal.extend(
                DEADLINES.extensionCap(REGISTERED).plusDays(3), "Too long", "head", NOW, DEADLINES));
        assertEquals("newDueDate", beyond.field());
        assertEquals(ExtensionDecision.Reason.BEYOND_CAP.name(), beyond.code());
        RuleViolationException earlier = assertThrows(RuleViolationException.class,
                () -> appeal.extend(due.minusDays(1), "Earlier", "head", NOW, DEADLINES));
        assertEquals(ExtensionDecision.Reason.NOT_LATER_THAN_CURRENT_DUE_DATE.name(), earlier.code());
        RuleViolationException noReason = assertThrows(RuleViolationException.class,
                () -> appeal.extend(DEADLINES.calendar().addWorkingDays(due, 5), " ", "head", NOW, DEADLINES));
        assertEquals("reason", noReason.field());
        assertEquals(due, appeal.dueDate());
    }

    @Test
    void aLapsedTermIsNoLongerExtended() {
        Appeal appeal = routedTo("A", T0);
        LocalDate due = appeal.dueDate();
        LocalDate later = DEADLINES.calendar().addWorkingDays(due, 5);
        // the last day itself (national time) may still extend it; the day after it has lapsed (APPK Art. 91(2))
        Instant lastDay = due.atTime(17, 0).toInstant(AppkTerms.NATIONAL_OFFSET);
        Instant dayAfter = due.plusDays(1).atTime(9, 0).toInstant(AppkTerms.NATIONAL_OFFSET);
        Appeal onTime = routedTo("A", T0);
        onTime.extend(later, "Contractor needed", "head", lastDay, DEADLINES);
        assertEquals(later, onTime.dueDate());
        TermClosedException refused = assertThrows(TermClosedException.class,
                () -> appeal.extend(later, "Contractor needed", "head", dayAfter, DEADLINES));
        assertEquals(TermClosedException.Why.LAPSED, refused.why());
        assertEquals(due, appeal.dueDate());
    }

    @Test
    void anEscalatedAppealTakesTheHigherBodysDueDateAndIsNotExtended() {
        Appeal appeal = routedTo("A", T0);
        appeal.acknowledge("clerk", NOW);
        LocalDate districtDue = LocalDate.of(2026, 12, 29);
        appeal.markEscalated(districtDue);
        assertEquals(districtDue, appeal.dueDate(), "the due date escalation published");
        TermClosedException refused = assertThrows(TermClosedException.class, () -> appeal.extend(
                LocalDate.of(2027, 1, 5), "Contractor needed", "head", NOW, DEADLINES));
        assertEquals(TermClosedException.Why.ESCALATED, refused.why());
        assertEquals(districtDue, appeal.dueDate());
        // no statutory term above (Presidential Administration): the last published date stays
        appeal.markEscalated(null);
        assertEquals(districtDue, appeal.dueDate());
    }

    @Test
    void theOfficeIsShownTheCapTheExtensionIsCheckedAgainst() {
        Appeal appeal = routedTo("A", T0);
        appeal.requestRedirect("Not ours", "clerk", NOW);
        appeal.reassign(assignment(Kind.REDIRECTED, "B", Instant.parse("2026-11-30T05:00:00Z")), DEADLINES);
        LocalDate cap = appeal.extensionCap(DEADLINES);
        assertEquals(DEADLINES.extensionCap(REGISTERED), cap, "two months from the citizen's receipt, not the redirect");
        LocalDate lastAllowed = cap;
        while (!DEADLINES.calendar().isWorkingDay(lastAllowed)) {
            lastAllowed = lastAllowed.minusDays(1);
        }
        LocalDate firstRefused = lastAllowed.plusDays(1);
        assertThrows(RuleViolationException.class,
                () -> appeal.extend(firstRefused, "Survey", "head", NOW, DEADLINES));
        appeal.extend(lastAllowed, "Survey", "head", NOW, DEADLINES);
        assertEquals(lastAllowed, appeal.dueDate());
    }

    @Test
    void anAnsweredAppealCannotBeExtended() {
        Appeal appeal = answeredIn(Language.ru);
        assertThrows(IllegalTransitionException.class, () -> appeal.extend(
                DEADLINES.calendar().addWorkingDays(appeal.dueDate(), 5), "Late", "head", NOW, DEADLINES));
    }

    @Test
    void anAnswerIsRatedOnce() {
        Appeal appeal = answeredIn(Language.ru);
        StatusChange rated = appeal.rate(false, "Still a hole", "applicant:x", NOW);
        assertEquals(AppealStatus.ANSWERED, rated.to());
        assertEquals("RATE", rated.action());
        assertFalse(appeal.answers().get(0).ratingSatisfied());
        assertThrows(AlreadyRatedException.class, () -> appeal.rate(true, null, "applicant:x", NOW));
        assertFalse(appeal.answers().get(0).ratingSatisfied(), "the first rating stands");
    }

    @Test
    void onlyAnAnswerCanBeRated() {
        Appeal appeal = routedTo("A", T0);
        assertThrows(IllegalTransitionException.class, () -> appeal.rate(true, null, "applicant:x", NOW));
    }

    @Test
    void anUnsatisfyingAnswerReopensAsANewCycleWithANewTerm() {
        Appeal appeal = answeredIn(Language.ru);
        appeal.rate(false, "Still a hole", "applicant:x", NOW);
        LocalDate reopenedOn = LocalDate.of(2026, 12, 14);
        StatusChange change = appeal.reopen("Not fixed", "applicant:x", NOW.plusSeconds(86_400), reopenedOn,
                Duration.ofDays(30), DEADLINES);
        assertEquals(AppealStatus.ANSWERED, change.from());
        assertEquals(AppealStatus.ROUTED, appeal.status());
        assertEquals(2, appeal.cycle());
        assertEquals(reopenedOn, appeal.termStart());
        assertEquals(DEADLINES.answerDue(reopenedOn), appeal.dueDate());

        appeal.answer(Outcome.SATISFIED, Language.ru, "Asphalted", "clerk", NOW.plusSeconds(2 * 86_400));
        assertEquals(2, appeal.answers().size(), "the first cycle's answer is kept");
        appeal.rate(true, null, "applicant:x", NOW.plusSeconds(3 * 86_400));
        assertTrue(appeal.answers().get(1).ratingSatisfied());
    }

    @Test
    void reopeningNeedsAnUnsatisfiedRatingWithinThePeriod() {
        Appeal unrated = answeredIn(Language.ru);
        assertEquals("rating", assertThrows(RuleViolationException.class, () -> unrated.reopen("Not fixed",
                "applicant:x", NOW, REGISTERED, Duration.ofDays(30), DEADLINES)).field());
        Appeal satisfied = answeredIn(Language.ru);
        satisfied.rate(true, null, "applicant:x", NOW);
        assertThrows(RuleViolationException.class, () -> satisfied.reopen("Changed my mind", "applicant:x", NOW,
                REGISTERED, Duration.ofDays(30), DEADLINES));

        Appeal late = answeredIn(Language.ru);
        late.rate(false, null, "applicant:x", NOW);
        RuleViolationException tooLate = assertThrows(RuleViolationException.class, () -> late.reopen("Not fixed",
                "applicant:x", NOW.plus(Duration.ofDays(31)), REGISTERED, Duration.ofDays(30), DEADLINES));
        assertEquals("reopenPeriodOver", tooLate.code());
        assertEquals(AppealStatus.ANSWERED, late.status());
        assertEquals(1, late.cycle());
    }

    @Test
    void anOverlongAnswerIsRefused() {
        Appeal appeal = routedTo("A", T0);
        String text = "x".repeat(AnswerText.MAX_LENGTH + 1);
        assertThrows(RuleViolationException.class,
                () -> appeal.answer(Outcome.EXPLAINED, Language.ru, text, "clerk", NOW));
        assertEquals(AppealStatus.ROUTED, appeal.status());
    }
}
