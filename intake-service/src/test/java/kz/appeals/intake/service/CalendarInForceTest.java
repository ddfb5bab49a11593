package kz.appeals.intake.service;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.CalendarEvents;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.calendar.CalendarInForce;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A calendar year loaded into escalation reaches intake's registration day through the calendar topic. */
@QuarkusTest
class CalendarInForceTest {

    @Inject
    CalendarInForce calendar;
    @Inject
    DeadlinePolicy deadlines;

    @Test
    void aPublishedYearReplacesTheShippedOne() {
        // 2027 is not shipped: before the event it follows the holidays law alone (provisional), where 8 January 2027
        // (a Friday) is an ordinary working day.
        LocalDate transferredDayOff = LocalDate.of(2027, 1, 8);
        String source = """
                holiday,2027-01-01,carry-over,New Year
                holiday,2027-01-02,carry-over,New Year
                holiday,2027-01-07,no-carry-over,Orthodox Christmas
                transfer,2027-01-08,day-off,Test decree
                transfer,2027-01-09,working-day,Test decree
                """;
        CalendarEvents.CalendarYearPublished published = new CalendarEvents.CalendarYearPublished(2027,
                List.of(new CalendarEvents.Holiday(LocalDate.of(2027, 1, 1), true, "New Year"),
                        new CalendarEvents.Holiday(LocalDate.of(2027, 1, 2), true, "New Year"),
                        new CalendarEvents.Holiday(LocalDate.of(2027, 1, 7), false, "Orthodox Christmas")),
                List.of(transferredDayOff), List.of(LocalDate.of(2027, 1, 9)), source, Instant.now());
        try (KafkaProbe broker = new KafkaProbe(Topics.CALENDAR)) {
            broker.send(Topics.CALENDAR, "2027",
                    KafkaProbe.cloudEventHeaders(EventType.CALENDAR_YEAR_PUBLISHED, UUID.randomUUID(), "2027"),
                    EventJson.write(published));
        }

        eventually(() -> assertFalse(calendar.current().isProvisional(2027), "2027 arrived"));
        assertFalse(calendar.current().isWorkingDay(transferredDayOff), "transferred day off");
        assertTrue(calendar.current().isWorkingDay(LocalDate.of(2027, 1, 9)), "Saturday made a working day");
        // Received on Thursday 7 January (Orthodox Christmas) at noon national time: registered on the next working
        // day, which the transfer makes Saturday 9 January, not Friday 8 January.
        assertEquals(LocalDate.of(2027, 1, 9),
                calendar.current().registrationDay(Instant.parse("2027-01-07T07:00:00Z")));
        assertEquals(calendar.current().addWorkingDays(LocalDate.of(2027, 1, 9), 15),
                deadlines.answerDue(LocalDate.of(2027, 1, 9)), "deadlines count with the same calendar");
    }
}
