package kz.appeals.escalation.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import kz.appeals.appk.AppkTerms;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.escalation.support.DeadlineApi.deadline;
import static kz.appeals.testing.Eventually.eventually;
import static kz.appeals.escalation.support.LifecycleEvents.DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.OTHER_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.OTHER_REGION;
import static kz.appeals.escalation.support.LifecycleEvents.OTHER_RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.REGION;
import static kz.appeals.escalation.support.LifecycleEvents.RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.routed;
import static kz.appeals.escalation.support.LifecycleEvents.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DeadlineResourceTest {

    private static String bearer(String token) {
        return Tokens.bearer(token);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get("/api/v1/deadlines/{id}", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void rolesOutsideTheOversightChainGet403() {
        for (String role : new String[]{Roles.FRONTEND, Roles.OPERATOR}) {
            given().header("Authorization", bearer(Tokens.forRole(role)))
                    .get("/api/v1/deadlines/{id}", UUID.randomUUID()).then().statusCode(403);
        }
    }

    @Test
    void anUnknownAppealIs404ProblemJson() {
        deadline(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(Tokens.forRole(Roles.ANALYST)))
                .get("/api/v1/deadlines/not-a-uuid").then().statusCode(404);
    }

    @Test
    void anAkimsOfficeSeesOnlyItsOwnBodysDeadlines() {
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe sender = new KafkaProbe(Topics.ESCALATION)) {
            send(sender, routed(appealId, RURAL_DISTRICT, LocalDate.now(AppkTerms.NATIONAL_OFFSET)));
        }
        eventually(() -> deadline(appealId).statusCode(200));

        given().header("Authorization", bearer(Tokens.forOffice(Roles.AKIM_OFFICE, RURAL_DISTRICT)))
                .get("/api/v1/deadlines/{id}", appealId).then().statusCode(200)
                .body("bodyCode", equalTo("rural-akim:" + RURAL_DISTRICT));
        given().header("Authorization", bearer(Tokens.forOffice(Roles.AKIM_OFFICE, OTHER_RURAL_DISTRICT)))
                .get("/api/v1/deadlines/{id}", appealId).then().statusCode(404);
        given().header("Authorization", bearer(Tokens.forRole(Roles.AKIM_OFFICE)))
                .get("/api/v1/deadlines/{id}", appealId).then().statusCode(403)
                .contentType("application/problem+json");
        for (String role : new String[]{Roles.PRESIDENTIAL_ADMINISTRATION, Roles.ANALYST, Roles.ADMIN}) {
            given().header("Authorization", bearer(Tokens.forRole(role)))
                    .get("/api/v1/deadlines/{id}", appealId).then().statusCode(200);
        }
    }

    @Test
    void anAkimatReadsTheDeadlinesOfItsTerritoryAndNoOther() {
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe sender = new KafkaProbe(Topics.ESCALATION)) {
            send(sender, routed(appealId, RURAL_DISTRICT, LocalDate.now(AppkTerms.NATIONAL_OFFSET)));
        }
        eventually(() -> deadline(appealId).statusCode(200));

        asOffice(Roles.DISTRICT_AKIMAT, DISTRICT).get("/api/v1/deadlines/{id}", appealId).then().statusCode(200);
        asOffice(Roles.REGION_AKIMAT, REGION).get("/api/v1/deadlines/{id}", appealId).then().statusCode(200);
        asOffice(Roles.DISTRICT_AKIMAT, OTHER_DISTRICT).get("/api/v1/deadlines/{id}", appealId).then()
                .statusCode(404).contentType("application/problem+json");
        asOffice(Roles.REGION_AKIMAT, OTHER_REGION).get("/api/v1/deadlines/{id}", appealId).then().statusCode(404);
        given().header("Authorization", bearer(Tokens.forRole(Roles.DISTRICT_AKIMAT)))
                .get("/api/v1/deadlines/{id}", appealId).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theOverdueListOfARegionShowsAnAkimatOnlyItsOwnTerritorysAppeals() {
        UUID overdue = UUID.randomUUID();
        try (KafkaProbe sender = new KafkaProbe(Topics.ESCALATION)) {
            // registered two months ago: its term has run out
            send(sender, routed(overdue, RURAL_DISTRICT, LocalDate.now(AppkTerms.NATIONAL_OFFSET).minusMonths(2)));
        }
        eventually(() -> deadline(overdue).statusCode(200));

        for (String[] reader : new String[][]{{Roles.REGION_AKIMAT, REGION}, {Roles.DISTRICT_AKIMAT, DISTRICT}}) {
            asOffice(reader[0], reader[1]).queryParam("kato", REGION).get("/api/v1/deadlines/overdue").then()
                    .statusCode(200).body("appealId", hasItem(overdue.toString()));
        }
        for (String[] reader : new String[][]{{Roles.REGION_AKIMAT, OTHER_REGION},
                {Roles.DISTRICT_AKIMAT, OTHER_DISTRICT}}) {
            asOffice(reader[0], reader[1]).queryParam("kato", REGION).get("/api/v1/deadlines/overdue").then()
                    .statusCode(200).body("appealId", not(hasItem(overdue.toString())));
        }
        given().header("Authorization", bearer(Tokens.forRole(Roles.PRESIDENTIAL_ADMINISTRATION)))
                .queryParam("kato", DISTRICT).get("/api/v1/deadlines/overdue").then()
                .statusCode(200).body("appealId", hasItem(overdue.toString()));
    }

    private static RequestSpecification asOffice(String role, String kato) {
        return given().header("Authorization", bearer(Tokens.forOffice(role, kato)));
    }

    @Test
    void theOverdueListNeedsANineDigitKatoAndAnOversightRole() {
        given().header("Authorization", bearer(Tokens.forRole(Roles.REGION_AKIMAT))).queryParam("kato", "99")
                .get("/api/v1/deadlines/overdue").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kato"));
        given().header("Authorization", bearer(Tokens.forOffice(Roles.AKIM_OFFICE, RURAL_DISTRICT)))
                .queryParam("kato", "991000000")
                .get("/api/v1/deadlines/overdue").then().statusCode(403);
    }
}
