package kz.appeals.escalation.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.AppkTerms;
import kz.appeals.escalation.service.CalendarRegistry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Operators see provisional years: the readiness check names them and stays UP, and the gauge an alert watches
 * counts the days until the first one starts. Expectations come from the calendar in force and today's date, so the
 * test holds in any year (in December 2026: 2026 bundled, 2027 provisional, 25 days).
 */
@QuarkusTest
class WorkingCalendarHealthTest {

    @Inject
    CalendarRegistry calendars;

    private static LocalDate today() {
        return LocalDate.now(AppkTerms.NATIONAL_OFFSET);
    }

    @Test
    void readinessReportsTheProvisionalYearsAndStaysUp() {
        int thisYear = today().getYear();
        String provisional = IntStream.of(thisYear, thisYear + 1).filter(calendars.current()::isProvisional)
                .mapToObj(String::valueOf).collect(Collectors.joining(","));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'working-calendar' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'working-calendar' }.data.provisional",
                        equalTo(provisional.isEmpty() ? "none" : provisional))
                .body("checks.find { it.name == 'working-calendar' }.data['" + (thisYear + 1) + "']",
                        equalTo(calendars.current().basis(thisYear + 1).name().toLowerCase()));
    }

    @Test
    void theGaugeCountsTheDaysUntilTheFirstProvisionalYear() {
        LocalDate today = today();
        int first = IntStream.iterate(today.getYear(), year -> year + 1).filter(calendars.current()::isProvisional)
                .findFirst().orElseThrow();
        long days = Math.max(0, ChronoUnit.DAYS.between(today, LocalDate.of(first, 1, 1)));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("appeals_calendar_days_until_provisional_year " + days + ".0"));
    }
}
