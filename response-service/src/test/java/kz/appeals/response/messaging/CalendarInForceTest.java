package kz.appeals.response.messaging;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.CalendarYear;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.CalendarEvents.CalendarYearPublished;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.calendar.CalendarInForce;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import static kz.appeals.response.support.OfficeApi.as;
import static kz.appeals.response.support.OfficeApi.awaitAppeal;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.now;
import static kz.appeals.response.support.RoutingFixtures.receipt;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.response.support.RoutingFixtures.send;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A year an operator loads into escalation reaches response through the calendar topic, and the office's terms count
 * with its days as escalation's do (they counted with the shipped calendar only before).
 */
@QuarkusTest
class CalendarInForceTest {

    /** Far enough ahead that no other test publishes it, and the rule alone would count it. */
    private static final int YEAR = 2197;

    @Inject
    CalendarInForce calendar;

    @Test
    void anAppealRoutedIntoALoadedYearIsDueByThatYearsDays() {
        LocalDate registered = LocalDate.of(YEAR, 2, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate decreedDayOff = registered.plusDays(2);
        String source = "transfer,%s,day-off,Test decree\n".formatted(decreedDayOff);
        CalendarYear year = CalendarYear.parse(YEAR, new StringReader(source));
        LocalDate dueByTheLoadedYear = new DeadlinePolicy(WorkingCalendar.bundled().withYear(year)).answerDue(registered);
        assertNotEquals(new DeadlinePolicy(WorkingCalendar.bundled()).answerDue(registered), dueByTheLoadedYear,
                "the decree must move the term for this test to see anything");

        try (KafkaProbe broker = new KafkaProbe(Topics.CALENDAR)) {
            broker.send(Topics.CALENDAR, String.valueOf(YEAR),
                    KafkaProbe.cloudEventHeaders(EventType.CALENDAR_YEAR_PUBLISHED, UUID.randomUUID(),
                            String.valueOf(YEAR)),
                    EventJson.write(new CalendarYearPublished(YEAR, List.of(), List.of(decreedDayOff),
                            List.of(), source, Instant.now())));
            eventually(() -> assertFalse(calendar.current().isWorkingDay(decreedDayOff), "the year arrived"));
        }

        String office = newOfficeKato();
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            send(routing, routed(appealId, office, registered, receipt(), now()));
        }
        awaitAppeal(office, appealId);
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("dueDate", equalTo(dueByTheLoadedYear.toString()));
    }
}
