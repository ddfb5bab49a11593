package kz.appeals.escalation.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.appeals.appk.CalendarYear;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.DueDateRecalculated;
import kz.appeals.contracts.BodyCode;
import kz.appeals.contracts.CalendarEvents.CalendarYearPublished;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.escalation.service.CalendarRegistry;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
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
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading a year of the working calendar through the API. Far-future years (2150 on), so that no deadline of another
 * test counts through them.
 */
@QuarkusTest
class CalendarResourceTest {

    private static final String ADMIN = Tokens.bearer(Tokens.forRole(Roles.ADMIN));

    @Inject
    EntityManager entityManager;
    @Inject
    CalendarRegistry calendars;

    /**
     * 1 January 2150 is a Thursday, 3 January a Saturday. New Year (1-2 January) and Orthodox Christmas (Wednesday
     * 7 January) come from the holidays law's rule; the file restates New Year, which changes nothing.
     */
    private static final String GOOD = """
            # Test decision for 2150
            holiday,2150-01-01,carry-over,New Year
            holiday,2150-01-03,carry-over,Saturday holiday
            transfer,2150-01-09,day-off,Test decision
            transfer,2150-01-10,working-day,Test decision
            """;

    /** Every test starts with its years provisional, so that the class can run again on the same database. */
    @BeforeEach
    void forgetTheLoadedTestYears() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from calendar_year where year >= 2150").executeUpdate());
        calendars.reload();
    }

    @Test
    void anAdministratorLoadsAYearWhichTakesEffectAndIsPublished() throws Exception {
        try (KafkaProbe calendar = new KafkaProbe(Topics.CALENDAR)) {
            given().header("Authorization", ADMIN).contentType("text/plain").body(GOOD)
                    .put("/api/v1/calendar/{year}", 2150).then().statusCode(200)
                    .body("inForce.basis", equalTo("loaded"))
                    .body("inForce.provisional", equalTo(false))
                    .body("inForce.holidays.date[0..3]",
                            equalTo(List.of("2150-01-01", "2150-01-02", "2150-01-03", "2150-01-07")))
                    // 1-2 Jan and 7 Jan by the rule, 5 Jan (Monday) carries the Saturday holiday over, 9 Jan
                    // transferred.
                    .body("inForce.nonWorkingWeekdays[0..4]",
                            equalTo(List.of("2150-01-01", "2150-01-02", "2150-01-05", "2150-01-07", "2150-01-09")))
                    .body("inForce.transferredWorkingDays", equalTo(List.of("2150-01-10")));

            ConsumerRecord<String, String> record = calendar.await(KafkaProbe.ofType(EventType.CALENDAR_YEAR_PUBLISHED,
                    "2150"), Duration.ofSeconds(20));
            CalendarYearPublished published = ContractJson.mapper().readValue(record.value(),
                    CalendarYearPublished.class);
            assertEquals(List.of(LocalDate.parse("2150-01-09")), published.transferredDaysOff());
            assertEquals(WorkingCalendar.bundled().withYear(CalendarYear.parse(2150, new StringReader(GOOD)))
                    .holidays(2150).size(), published.holidays().size(), "the year's holidays: rule and file");
            assertEquals(GOOD, published.source());
        }
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.ANALYST)))
                .get("/api/v1/calendar/{year}", 2150).then().statusCode(200)
                .body("nonWorkingWeekdays", hasItem("2150-01-05"));
    }

    /** 247: the egov.kz calendar's 246 and Monday 31 August, no longer a carry-over of Constitution Day. */
    @Test
    void theShippedYearIsServedAsInForce() {
        given().header("Authorization", Tokens.bearer(Tokens.forOffice(Roles.AKIM_OFFICE, RURAL_DISTRICT)))
                .get("/api/v1/calendar/{year}", 2026).then().statusCode(200)
                .body("basis", equalTo("bundled"))
                .body("provisional", equalTo(false))
                .body("workingDays", equalTo(247))
                .body("nonWorkingWeekdays", hasItem("2026-05-27"));
    }

    @Test
    void aYearWithoutDataIsServedAsProvisionalFromTheRule() {
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.OPERATOR)))
                .get("/api/v1/calendar/{year}", 2154).then().statusCode(200)
                .body("basis", equalTo("rule"))
                .body("provisional", equalTo(true))
                .body("transferredDaysOff", equalTo(List.of()))
                // New Year on Tuesday and Wednesday, Constitution Day (from 2027) on Friday 15 March.
                .body("nonWorkingWeekdays", hasItems("2154-01-01", "2154-01-02", "2154-03-15", "2154-12-16"))
                .body("holidays.name", hasItem("Kurban Ait (first day)"));
    }

    @Test
    void theAnswerToALoadListsWhatChangedAgainstTheCalendarInForce() {
        // 2155 follows the rule until loaded: Women's Day on Saturday 8 March carries over to Monday 10 March.
        given().header("Authorization", ADMIN).get("/api/v1/calendar/{year}", 2155).then().statusCode(200)
                .body("provisional", equalTo(true));
        String decision = """
                transfer,2155-01-03,day-off,Test decree: Friday after New Year off
                transfer,2155-01-11,working-day,Test decree: Saturday worked instead
                not-a-holiday,2155-03-08,Test amendment of the law
                """;
        given().header("Authorization", ADMIN).contentType("text/csv").body(decision)
                .put("/api/v1/calendar/{year}", 2155).then().statusCode(200)
                .body("changes.previousBasis", equalTo("rule"))
                .body("changes.becameDaysOff", equalTo(List.of("2155-01-03")))
                .body("changes.becameWorkingDays", equalTo(List.of("2155-01-11", "2155-03-10")))
                .body("inForce.basis", equalTo("loaded"))
                .body("inForce.provisional", equalTo(false));
        // Loading the same file again changes nothing.
        given().header("Authorization", ADMIN).contentType("text/csv").body(decision)
                .put("/api/v1/calendar/{year}", 2155).then().statusCode(200)
                .body("changes.previousBasis", equalTo("loaded"))
                .body("changes.becameDaysOff", equalTo(List.of()))
                .body("changes.becameWorkingDays", equalTo(List.of()));
    }

    /**
     * The recalculated due date is published, so that response's inbox and the citizen's timeline show the date this
     * service counts to; a deadline whose due date the year does not move publishes nothing.
     */
    @Test
    void runningDeadlinesThroughTheLoadedYearAreRecalculatedAndTheMovedDueDatesPublished() throws Exception {
        UUID appealId = UUID.randomUUID();
        UUID unmovedId = UUID.randomUUID();
        // Monday 4 February 2160: no holiday of the rule until 8 March.
        LocalDate registered = LocalDate.parse("2160-02-04");
        // Tuesday 4 March: its term starts after the year's changes, so its due date stays
        LocalDate registeredLater = LocalDate.parse("2160-03-04");
        String year = """
                holiday,2160-02-05,carry-over,Test holiday
                transfer,2160-02-06,day-off,Test decision
                """;
        try (KafkaProbe sender = new KafkaProbe(Topics.ESCALATION)) {
            send(sender, routed(appealId, RURAL_DISTRICT, registered));
            send(sender, routed(unmovedId, RURAL_DISTRICT, registeredLater));
        }
        DeadlinePolicy before = new DeadlinePolicy(WorkingCalendar.bundled());
        LocalDate byTheRule = before.answerDue(registered);
        eventually(() -> deadline(appealId).statusCode(200).body("dueDate", equalTo(byTheRule.toString())));
        eventually(() -> deadline(unmovedId).statusCode(200)
                .body("dueDate", equalTo(before.answerDue(registeredLater).toString())));

        try (KafkaProbe published = new KafkaProbe(Topics.ESCALATION)) {
            given().header("Authorization", ADMIN).contentType("text/csv").body(year)
                    .put("/api/v1/calendar/{year}", 2160).then().statusCode(200);

            DeadlinePolicy after = new DeadlinePolicy(WorkingCalendar.bundled()
                    .withYear(CalendarYear.parse(2160, new StringReader(year))));
            LocalDate withTheYear = after.answerDue(registered);
            assertEquals(LocalDate.parse("2160-02-27"), withTheYear,
                    "two more weekdays off: Monday 25th becomes Wednesday 27th");
            assertEquals(LocalDate.parse("2160-02-25"), byTheRule);
            assertEquals(before.answerDue(registeredLater), after.answerDue(registeredLater));
            deadline(appealId).statusCode(200).body("dueDate", equalTo(withTheYear.toString()));

            ConsumerRecord<String, String> record = published.await(
                    KafkaProbe.ofType(EventType.DUE_DATE_RECALCULATED, appealId.toString()), Duration.ofSeconds(30));
            DueDateRecalculated moved = ContractJson.mapper().readValue(record.value(), DueDateRecalculated.class);
            assertEquals(new DueDateRecalculated(appealId, BodyCode.ruralAkim(RURAL_DISTRICT),
                    BodyLevel.RURAL_DISTRICT, 1, byTheRule, withTheYear, 2160, moved.occurredAt()), moved);
            assertTrue(published.collect(Duration.ofSeconds(3)).stream()
                            .noneMatch(KafkaProbe.ofType(EventType.DUE_DATE_RECALCULATED, unmovedId.toString())),
                    "a due date the year did not move is not published");
        }
    }

    @Test
    void aMalformedDateIsRefusedNamingItsLineAndTheOldCalendarStays() {
        String before = given().header("Authorization", ADMIN).get("/api/v1/calendar/{year}", 2151).then()
                .statusCode(200).body("provisional", equalTo(true)).extract().asString();
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
                .body("transfer,2152-01-05,day-off,Test decision\n")
                .put("/api/v1/calendar/{year}", 2152).then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("text/plain")
                .body("holiday,2152-01-01,sometimes,New Year\n")
                .put("/api/v1/calendar/{year}", 2152).then().statusCode(422)
                .body("errors[0].field", equalTo("line 1"));
        given().header("Authorization", ADMIN).get("/api/v1/calendar/{year}", 2152).then().statusCode(200)
                .body("basis", equalTo("loaded"))
                .body("transferredDaysOff", equalTo(List.of("2152-01-05")));
    }

    @Test
    void theNewLinesAreCheckedNamingTheirLine() {
        given().header("Authorization", ADMIN).contentType("text/plain")
                .body("# Kurban Ait 2156 is computed for late May: January is a typo\nkurban-ait,2156-01-15,Board\n")
                .put("/api/v1/calendar/{year}", 2156).then().statusCode(422)
                .body("errors[0].field", equalTo("line 2"))
                .body("detail", containsString("Dhu al-Hijjah"));
        given().header("Authorization", ADMIN).contentType("text/plain")
                .body("not-a-holiday,2156-03-09,Amendment\n")
                .put("/api/v1/calendar/{year}", 2156).then().statusCode(422)
                .body("errors[0].field", equalTo("line 1"))
                .body("detail", containsString("not a fixed-date holiday"));
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
