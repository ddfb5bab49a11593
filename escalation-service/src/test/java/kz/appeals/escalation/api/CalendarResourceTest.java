package kz.appeals.escalation.api;

import io.quarkus.test.junit.QuarkusTest;
import kz.appeals.appk.CalendarYear;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.CalendarEvents.CalendarYearPublished;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.escalation.support.DeadlineApi.deadline;
import static kz.appeals.escalation.support.LifecycleEvents.RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.routed;
import static kz.appeals.escalation.support.LifecycleEvents.send;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading a year of the working calendar through the API. Far-future years, so that no deadline of another test
 * counts through them.
 */
@QuarkusTest
class CalendarResourceTest {

    private static final String ADMIN = Tokens.bearer(Tokens.forRole(Roles.ADMIN));

    /** 1 January 2150 is a Thursday, 3 January a Saturday. */
    private static final String GOOD = """
            # Test decision for 2150
            holiday,2150-01-01,carry-over,New Year
            holiday,2150-01-03,carry-over,Saturday holiday
            transfer,2150-01-02,day-off,Test decision
            transfer,2150-01-10,working-day,Test decision
            """;

    @Test
    void anAdministratorLoadsAYearWhichTakesEffectAndIsPublished() throws Exception {
        try (KafkaProbe calendar = new KafkaProbe(Topics.CALENDAR)) {
            given().header("Authorization", ADMIN).contentType("text/plain").body(GOOD)
                    .put("/api/v1/calendar/{year}", 2150).then().statusCode(200)
                    .body("covered", equalTo(true))
                    .body("loaded", equalTo(true))
                    .body("holidays.date", equalTo(List.of("2150-01-01", "2150-01-03")))
                    // 1 Jan holiday, 2 Jan transferred, 5 Jan (Monday) carries the Saturday holiday over.
                    .body("nonWorkingWeekdays", equalTo(List.of("2150-01-01", "2150-01-02", "2150-01-05")))
                    .body("transferredWorkingDays", equalTo(List.of("2150-01-10")));

            ConsumerRecord<String, String> record = calendar.await(KafkaProbe.ofType(EventType.CALENDAR_YEAR_PUBLISHED,
                    "2150"), Duration.ofSeconds(20));
            CalendarYearPublished published = ContractJson.mapper().readValue(record.value(),
                    CalendarYearPublished.class);
            assertEquals(List.of(LocalDate.parse("2150-01-02")), published.transferredDaysOff());
            assertEquals(GOOD, published.source());
        }
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.ANALYST)))
                .get("/api/v1/calendar/{year}", 2150).then().statusCode(200)
                .body("nonWorkingWeekdays", hasItem("2150-01-05"));
    }

    @Test
    void theShippedYearIsServedAsInForce() {
        given().header("Authorization", Tokens.bearer(Tokens.forOffice(Roles.AKIM_OFFICE, RURAL_DISTRICT)))
                .get("/api/v1/calendar/{year}", 2026).then().statusCode(200)
                .body("covered", equalTo(true))
                .body("workingDays", equalTo(246))
                .body("nonWorkingWeekdays", hasItem("2026-05-27"));
    }

    @Test
    void runningDeadlinesThroughTheLoadedYearAreRecalculated() {
        UUID appealId = UUID.randomUUID();
        LocalDate registered = LocalDate.parse("2160-01-05");
        String year = """
                holiday,2160-01-07,carry-over,Test holiday
                transfer,2160-01-08,day-off,Test decision
                """;
        try (KafkaProbe sender = new KafkaProbe(Topics.ESCALATION)) {
            send(sender, routed(appealId, RURAL_DISTRICT, registered));
        }
        LocalDate weekendsOnly = new DeadlinePolicy(WorkingCalendar.bundled()).answerDue(registered);
        eventually(() -> deadline(appealId).statusCode(200).body("dueDate", equalTo(weekendsOnly.toString())));

        given().header("Authorization", ADMIN).contentType("text/csv").body(year)
                .put("/api/v1/calendar/{year}", 2160).then().statusCode(200);

        LocalDate withTheYear = new DeadlinePolicy(WorkingCalendar.bundled()
                .withYear(CalendarYear.parse(2160, new StringReader(year)))).answerDue(registered);
        assertEquals(LocalDate.parse("2160-01-29"), withTheYear, "two more weekdays off: Friday 25th becomes Tuesday 29th");
        assertEquals(LocalDate.parse("2160-01-25"), weekendsOnly);
        deadline(appealId).statusCode(200).body("dueDate", equalTo(withTheYear.toString()));
    }

    @Test
    void aMalformedDateIsRefusedNamingItsLineAndTheOldCalendarStays() {
        String before = given().header("Authorization", ADMIN).get("/api/v1/calendar/{year}", 2151).then()
                .statusCode(200).body("covered", equalTo(false)).extract().asString();
        try (KafkaProbe calendar = new KafkaProbe(Topics.CALENDAR)) {
            given().header("Authorization", ADMIN).contentType("text/plain")
                    .body("holiday,2151-01-01,carry-over,New Year\n\nholiday,2151-02-30,carry-over,No such day\n")
                    .put("/api/v1/calendar/{year}", 2151).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("line 3"))
                    .body("detail", containsString("line 3"));
            given().header("Authorization", ADMIN).contentType("text/plain")
                    .body("holiday,2151-01-01,carry-over,New Year\ntransfer,2151-01-01,day-off,Same day again\n")
                    .put("/api/v1/calendar/{year}", 2151).then().statusCode(422)
                    .body("errors[0].field", equalTo("line 2"))
                    .body("detail", containsString("already listed on line 1"));
            List<ConsumerRecord<String, String>> published = calendar.collect(Duration.ofSeconds(3)).stream()
                    .filter(r -> "2151".equals(r.key())).toList();
            assertTrue(published.isEmpty(), "published: " + published);
        }
        String after = given().header("Authorization", ADMIN).get("/api/v1/calendar/{year}", 2151).then()
                .statusCode(200).extract().asString();
        assertEquals(before, after);
    }

    @Test
    void aReplacedYearKeepsItsDataWhenTheReplacementIsRefused() {
        given().header("Authorization", ADMIN).contentType("text/plain")
                .body("holiday,2152-01-01,carry-over,New Year\n")
                .put("/api/v1/calendar/{year}", 2152).then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("text/plain")
                .body("holiday,2152-01-01,sometimes,New Year\n")
                .put("/api/v1/calendar/{year}", 2152).then().statusCode(422)
                .body("errors[0].field", equalTo("line 1"));
        given().header("Authorization", ADMIN).get("/api/v1/calendar/{year}", 2152).then().statusCode(200)
                .body("holidays.name", equalTo(List.of("New Year")));
    }

    @Test
    void onlyAnAdministratorLoadsAndTheYearMustBePlausible() {
        for (String role : new String[]{Roles.OPERATOR, Roles.ANALYST, Roles.PRESIDENTIAL_ADMINISTRATION}) {
            given().header("Authorization", Tokens.bearer(Tokens.forRole(role))).contentType("text/plain").body(GOOD)
                    .put("/api/v1/calendar/{year}", 2150).then().statusCode(403);
        }
        given().header("Authorization", ADMIN).contentType("text/plain").body(GOOD)
                .put("/api/v1/calendar/{year}", 1999).then().statusCode(422)
                .body("errors[0].field", equalTo("year"));
        given().header("Authorization", ADMIN).contentType("text/plain").body("  \n")
                .put("/api/v1/calendar/{year}", 2153).then().statusCode(422)
                .body("errors[0].field", equalTo("body"));
    }
}
