package kz.appeals.intake.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;
import kz.appeals.contracts.Topics;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every place routing publishes on the territory topic is a place a resident may file at — a city of regional
 * significance was refused with 422 "No settlement with this KATO code" because routing publishes it (and every
 * town, district and rural district) as a unit, which intake ignored. Codes of the real classifier's structure, as
 * routing's RealClassifierShapesTest publishes them.
 */
@QuarkusTest
class TerritoryPlacesTest {

    private static final String FRONTEND = Tokens.bearer(Tokens.forRole(Roles.FRONTEND));
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);

    @Inject
    IntakeFixtures fixtures;

    @Test
    void aCityItsAdministrationATownAndARuralDistrictAreAccepted() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        applied(new TerritorialUnitPublished("921000000", UnitLevel.DISTRICT, null, "920000000", "Төрткөл Қ.Ә.",
                "Торткуль Г.А.", null, null, null, FROM, null, at));
        applied(new TerritorialUnitPublished("923620100", UnitLevel.RURAL_DISTRICT, "923600000", "920000000",
                "Шаянкөл қаласы", "г.Шаянколь", 12000, "Сынақ Әкім", FROM, FROM, null, at));
        applied(new SettlementPublished("921010000", null, "921000000", "920000000", "Төрткөл қаласы", "г.Торткуль",
                FROM, null, at));
        for (String kato : new String[]{"921000000", "923620100", "921010000"}) {
            submit(kato).then().statusCode(201);
        }
    }

    @Test
    void aRetiredUnitIsRefusedLikeARetiredSettlement() {
        applied(new TerritorialUnitPublished("923699000", UnitLevel.RURAL_DISTRICT, "923600000", "920000000",
                "Ескі ауылдық округі", "Старый сельский округ", null, null, null, FROM, FROM.plusYears(1),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        submit("923699000").then().statusCode(422).body("errors.field", hasItem("location.katoCode"));
    }

    /** Publishes the event as routing does and waits until intake's replica holds this very event. */
    private void applied(ContractEvent event) {
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            territory.send(Topics.TERRITORY, event.subject(), KafkaProbe.cloudEventHeaders(
                    EventType.of(event.getClass()), UUID.randomUUID(), event.subject()), EventJson.write(event));
        }
        Instant at = event.occurredAt();
        eventually(() -> assertEquals(1L, fixtures.count("select count(*) from known_settlement where kato_code = '"
                + event.subject() + "' and as_of = '" + at + "'"), event.subject() + " as of " + at + " reached intake"));
    }

    private static Response submit(String kato) {
        return given().header("Authorization", FRONTEND).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(SampleCitizens.appealJson(kato, SampleCitizens.randomIin()))
                .post("/api/v1/appeals");
    }
}
