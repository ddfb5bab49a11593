package kz.appeals.appk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlinePolicyTest {

    private final DeadlinePolicy policy = new DeadlinePolicy(WorkingCalendar.bundled());

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void answerIsDueFifteenWorkingDaysAfterRegistration() {
        assertEquals(day("2025-12-12"), policy.answerDue(day("2025-11-21")));
        assertEquals(day("2025-04-14"), policy.answerDue(day("2025-03-19")), "across Nauryz");
        assertEquals(day("2026-01-20"), policy.answerDue(day("2025-12-25")), "across New Year");
    }

    @Test
    void redirectIsDueThreeWorkingDaysAfterRegistration() {
        assertEquals(day("2025-11-26"), policy.redirectDue(day("2025-11-21")));
        assertEquals(day("2025-03-27"), policy.redirectDue(day("2025-03-19")), "21-25 March are off");
    }

    @Test
    void theApplicantIsToldOfAnExtensionWithinThreeWorkingDays() {
        assertEquals(day("2025-12-19"), policy.extensionNoticeDue(day("2025-12-15")), "16 December is off");
    }

    @Test
    void theExtensionCapIsTwoMonthsFromRegistration() {
        assertEquals(day("2025-03-31"), policy.extensionCap(day("2025-01-31")));
        assertEquals(day("2026-02-28"), policy.extensionCap(day("2025-12-31")), "no 31 February");
    }

    @Test
    void theLatestExtensionIsTheCapOrTheWorkingDayBeforeIt() {
        assertEquals(day("2025-03-31"), policy.latestExtension(day("2025-01-31")), "a Monday cap is itself");
        assertEquals(day("2026-02-27"), policy.latestExtension(day("2025-12-31")), "a Saturday cap: the Friday");
        assertEquals(day("2027-01-06"), policy.latestExtension(day("2026-11-07")),
                "7 January is Christmas: the Wednesday before");
        assertInstanceOf(ExtensionDecision.Allowed.class,
                policy.checkExtension(day("2025-12-31"), day("2026-01-22"), policy.latestExtension(day("2025-12-31"))));
    }

    @Test
    void anExtensionUpToTheCapIsAllowed() {
        LocalDate registered = day("2025-10-15");
        LocalDate due = policy.answerDue(registered);
        assertEquals(new ExtensionDecision.Allowed(day("2025-12-15")),
                policy.checkExtension(registered, due, day("2025-12-15")), "exactly the cap");
        assertEquals(new ExtensionDecision.Allowed(day("2025-11-20")),
                policy.checkExtension(registered, due, day("2025-11-20")));
    }

    @Test
    void anExtensionPastTheCapIsRejectedCitingTheArticle() {
        ExtensionDecision decision = policy.checkExtension(day("2025-10-01"), day("2025-10-22"), day("2025-12-02"));
        ExtensionDecision.Rejected rejected = assertInstanceOf(ExtensionDecision.Rejected.class, decision);
        assertEquals(ExtensionDecision.Reason.BEYOND_CAP, rejected.reason());
        assertTrue(rejected.explanation().contains("2025-12-01"), rejected.explanation());
        assertTrue(rejected.explanation().contains("Art. 76"), rejected.explanation());
    }

    @Test
    void anExtensionMustMoveTheDueDateLater() {
        ExtensionDecision decision = policy.checkExtension(day("2025-10-01"), day("2025-10-22"), day("2025-10-22"));
        assertEquals(ExtensionDecision.Reason.NOT_LATER_THAN_CURRENT_DUE_DATE,
                assertInstanceOf(ExtensionDecision.Rejected.class, decision).reason());
    }

    @Test
    void anExtensionMustEndOnAWorkingDay() {
        // Cap 2025-11-02 is a Sunday: the Friday before is the last allowed day.
        assertEquals(ExtensionDecision.Reason.NOT_A_WORKING_DAY, assertInstanceOf(ExtensionDecision.Rejected.class,
                policy.checkExtension(day("2025-09-02"), day("2025-09-23"), day("2025-11-01"))).reason());
        assertInstanceOf(ExtensionDecision.Allowed.class,
                policy.checkExtension(day("2025-09-02"), day("2025-09-23"), day("2025-10-31")));
    }

    @Test
    void aTermLapsesOnlyOnceTheWholeDueDateHasPassed() {
        assertFalse(policy.hasLapsed(day("2025-12-12"), day("2025-12-12")));
        assertTrue(policy.hasLapsed(day("2025-12-12"), day("2025-12-13")));
    }
}
