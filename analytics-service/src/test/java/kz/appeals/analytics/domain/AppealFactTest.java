package kz.appeals.analytics.domain;

import jakarta.persistence.Column;
import kz.appeals.contracts.AppealEvents.Acknowledged;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.DeemedRefused;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Extended;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.contracts.AppealEvents.Rated;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Reopened;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.Submitted;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppealFactTest {

    private static final UUID APPEAL = UUID.fromString("3f6c1e0a-8b2d-4c71-9a55-2e7d4b9c1f08");
    private static final LocalDate REGISTERED = LocalDate.of(2026, 11, 23);
    private static final Body RURAL = body("rural-akim:194230000", BodyLevel.RURAL_DISTRICT);
    private static final Body UTILITY = body("utility:water:190000000", BodyLevel.UTILITY);
    private static final Body DISTRICT = body("district:akimat:194200000", BodyLevel.DISTRICT_AKIMAT);
    private static final Body REGION = body("region:akimat:190000000", BodyLevel.REGION_AKIMAT);

    /** A full life: misrouted, extended, answered, not fixed, reopened, answered again, and meanwhile escalated. */
    /** The Art. 64 rule on the bundled calendar, as the service applies it. */
    private static final AnswerTerm TERMS = new AnswerTerm(new DeadlinePolicy(WorkingCalendar.bundled()));
    private static final List<AppealEvent> LIFE = List.of(
            submitted("roads", at("2026-11-23T04:12:00Z")),
            routed(UTILITY, "water", at("2026-11-23T04:12:38Z")),
            redirected(UTILITY, RURAL, "roads", at("2026-11-24T06:00:00Z")),
            new Extended(APPEAL, RURAL.code(), LocalDate.of(2027, 1, 15), "survey", "officer",
                    at("2026-12-01T05:00:00Z")),
            new DeemedRefused(APPEAL, RURAL.code(), BodyLevel.RURAL_DISTRICT, LocalDate.of(2026, 12, 14),
                    at("2026-12-15T00:00:00Z")),
            escalated(RURAL, DISTRICT, at("2026-12-15T00:00:01Z")),
            escalated(DISTRICT, REGION, at("2027-01-06T00:00:01Z")),
            answered(Outcome.EXPLAINED, 1, at("2027-01-10T09:00:00Z")),
            new Rated(APPEAL, RURAL.code(), false, "not fixed", 1, at("2027-01-11T09:00:00Z")),
            new Reopened(APPEAL, RURAL.code(), "not fixed", 2, at("2027-01-11T09:00:01Z")),
            answered(Outcome.SATISFIED, 2, at("2027-01-20T09:00:00Z")),
            new Rated(APPEAL, RURAL.code(), true, null, 2, at("2027-01-21T09:00:00Z")));

    @Test
    void mergesAFullLife() {
        AppealFact fact = merge(LIFE);

        assertEquals("KZ-20261123-000417", fact.receiptNumber);
        assertEquals(AppealType.APPLICATION, fact.appealType);
        assertEquals(REGISTERED, fact.registrationDay);
        assertEquals("roads", fact.categoryCode);
        assertEquals(RURAL.code(), fact.bodyCode);
        assertEquals("194230000", fact.ruralDistrictKato);
        assertEquals("194200000", fact.districtKato);
        assertEquals("190000000", fact.regionKato);
        assertEquals(RoutingMethod.MANUAL, fact.routingMethod);
        assertEquals(at("2026-11-23T04:12:38Z"), fact.routedAt);
        assertEquals(at("2027-01-10T09:00:00Z"), fact.firstAnsweredAt);
        assertEquals(Outcome.SATISFIED, fact.outcome);
        assertTrue(fact.extended);
        assertEquals(1, fact.redirectedCount);
        assertTrue(fact.deemedRefused);
        assertEquals(BodyLevel.REGION_AKIMAT, fact.escalationLevel);
        assertEquals(Boolean.TRUE, fact.ratedSatisfied);
        assertEquals(1, fact.reopenedCount);
        assertEquals(at("2027-01-21T09:00:00Z"), fact.lastEventAt);
        assertEquals("a".repeat(64), fact.applicantRef);
        // Redirected on Tuesday 24 November 2026 at 11:00 national time, a working hour: the new body's term
        // starts that day, not on the citizen's registration day.
        assertEquals(LocalDate.of(2026, 11, 24), fact.termStartDay);
    }

    @Test
    void theTermStartsWhenTheCurrentBodyReceivedTheAppealAndTheIssueIsTheNewestDecisions() {
        UUID firstIssue = UUID.randomUUID();
        UUID secondIssue = UUID.randomUUID();
        Routed routed = new Routed(APPEAL, "KZ-20261123-000417", UTILITY, "194230000", "194200000", "190000000",
                RoutingMethod.KATO, "by location", AppealType.APPLICATION, "water", "Pothole", Language.ru,
                REGISTERED, at("2026-11-23T04:12:38Z"), List.of(), firstIssue);
        // Friday 27 November 2026, 19:30 national time: after hours, so the body's term starts on Monday 30.
        Redirected redirected = new Redirected(APPEAL, "KZ-20261123-000417", UTILITY, RURAL, "194230000",
                "194200000", "190000000", RoutingMethod.MANUAL, "not ours", AppealType.APPLICATION, "roads",
                "Pothole", Language.ru, REGISTERED, at("2026-11-27T14:30:00Z"), List.of(), secondIssue);

        for (List<AppealEvent> order : List.of(List.<AppealEvent>of(routed, redirected), List.<AppealEvent>of(redirected, routed))) {
            AppealFact fact = merge(order);
            assertEquals(LocalDate.of(2026, 11, 30), fact.termStartDay, () -> "order " + order);
            assertEquals(secondIssue, fact.issueId);
        }
        assertEquals(REGISTERED, merge(List.of(routed)).termStartDay);
        assertEquals(firstIssue, merge(List.of(routed)).issueId);
    }

    @Test
    void anyDeliveryOrderGivesTheSameFact() {
        Map<String, Object> expected = state(merge(LIFE));
        List<AppealEvent> reversed = new ArrayList<>(LIFE);
        Collections.reverse(reversed);
        assertEquals(expected, state(merge(reversed)));

        Random random = new Random(20261123);
        for (int round = 0; round < 500; round++) {
            List<AppealEvent> shuffled = new ArrayList<>(LIFE);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, state(merge(shuffled)), () -> "order " + shuffled);
        }
    }

    @Test
    void aSecondDeliveryOfAnyEventButARedirectChangesNothing() {
        Map<String, Object> once = state(merge(LIFE));
        for (AppealEvent event : LIFE) {
            if (event instanceof Redirected) {
                continue;
            }
            AppealFact fact = merge(LIFE);
            fact.apply(event, TERMS::termStartOf);
            assertEquals(once, state(fact), () -> "again: " + event);
        }
    }

    @Test
    void anAppealKnownOnlyFromItsAnswerHasNoTerritoryYet() {
        AppealFact fact = merge(List.of(answered(Outcome.SATISFIED, 1, at("2026-11-25T05:00:00Z"))));

        assertNull(fact.ruralDistrictKato);
        assertNull(fact.registrationDay);
        assertEquals(at("2026-11-25T05:00:00Z"), fact.firstAnsweredAt);
        assertEquals(at("2026-11-25T05:00:00Z"), fact.lastEventAt);
    }

    @Test
    void theRoutedCategoryWinsOverTheSubmittedOneWhicheverComesFirst() {
        AppealEvent submitted = submitted("other", at("2026-11-23T04:12:00Z"));
        AppealEvent routed = routed(RURAL, "roads", at("2026-11-23T04:12:38Z"));

        assertEquals("roads", merge(List.of(submitted, routed)).categoryCode);
        assertEquals("roads", merge(List.of(routed, submitted)).categoryCode);
        assertEquals("other", merge(List.of(submitted)).categoryCode);
    }

    @Test
    void twoRatingsOfOneCycleAtOneInstantCountAsNotSatisfied() {
        Instant instant = at("2026-12-01T05:00:00Z");
        AppealEvent yes = new Rated(APPEAL, RURAL.code(), true, null, 1, instant);
        AppealEvent no = new Rated(APPEAL, RURAL.code(), false, null, 1, instant);

        assertEquals(Boolean.FALSE, merge(List.of(yes, no)).ratedSatisfied);
        assertEquals(Boolean.FALSE, merge(List.of(no, yes)).ratedSatisfied);
    }

    @Test
    void escalationKeepsTheHighestLevelReached() {
        AppealFact fact = merge(List.of(escalated(DISTRICT, REGION, at("2027-01-06T00:00:00Z")),
                escalated(RURAL, DISTRICT, at("2026-12-15T00:00:00Z"))));

        assertEquals(BodyLevel.REGION_AKIMAT, fact.escalationLevel);
        assertFalse(fact.deemedRefused);
    }

    @Test
    void refusesEventsItDoesNotMerge() {
        AppealFact fact = new AppealFact(APPEAL);

        assertThrows(IllegalArgumentException.class,
                () -> fact.apply(new Acknowledged(APPEAL, RURAL.code(), "officer", at("2026-11-23T05:00:00Z")),
                        TERMS::termStartOf));
        assertThrows(IllegalArgumentException.class, () -> fact.apply(new Extended(UUID.randomUUID(), RURAL.code(),
                LocalDate.of(2027, 1, 15), "survey", "officer", at("2026-12-01T05:00:00Z")), TERMS::termStartOf));
    }

    private static AppealFact merge(List<AppealEvent> events) {
        AppealFact fact = new AppealFact(APPEAL);
        events.forEach(event -> fact.apply(event, TERMS::termStartOf));
        return fact;
    }

    /** Every column, so that two facts compare as the rows they would be. */
    private static Map<String, Object> state(AppealFact fact) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (Field field : AppealFact.class.getDeclaredFields()) {
            if (!field.isAnnotationPresent(Column.class)) {
                continue;
            }
            try {
                state.put(field.getName(), field.get(fact));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return state;
    }

    private static Submitted submitted(String category, Instant at) {
        return new Submitted(APPEAL, "KZ-20261123-000417", AppealType.APPLICATION, category, "Pothole", Language.ru,
                new Location("194233100", null, null, null), "egov", "a".repeat(64), false, 0, at, REGISTERED, at);
    }

    private static Routed routed(Body body, String category, Instant at) {
        return new Routed(APPEAL, "KZ-20261123-000417", body, "194230000", "194200000", "190000000",
                RoutingMethod.KATO, "by location", AppealType.APPLICATION, category, "Pothole", Language.ru,
                REGISTERED, at);
    }

    private static Redirected redirected(Body from, Body to, String category, Instant at) {
        return new Redirected(APPEAL, "KZ-20261123-000417", from, to, "194230000", "194200000", "190000000",
                RoutingMethod.MANUAL, "not ours", AppealType.APPLICATION, category, "Pothole", Language.ru,
                REGISTERED, at);
    }

    private static Answered answered(Outcome outcome, int cycle, Instant at) {
        return new Answered(APPEAL, RURAL.code(), outcome, Language.ru, "Done", cycle, "officer", at);
    }

    private static Escalated escalated(Body from, Body to, Instant at) {
        return new Escalated(APPEAL, from, to, LocalDate.of(2026, 12, 14), null, at);
    }

    private static Body body(String code, BodyLevel level) {
        return new Body(code, level, null, code, code);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
