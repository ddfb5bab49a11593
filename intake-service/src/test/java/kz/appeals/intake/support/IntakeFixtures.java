package kz.appeals.intake.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What intake's tests share: the sample settlement published the way routing publishes it, appeals routed to a body,
 * and row counts.
 */
@ApplicationScoped
public class IntakeFixtures {

    public static final String KATO = SampleCitizens.SAMPLE_SETTLEMENT;

    private final EntityManager entityManager;

    public IntakeFixtures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Publishes the sample settlement on the territory topic and waits until intake's replica has it. */
    public void sampleSettlementKnown() {
        if (count("select count(*) from known_settlement where kato_code = '" + KATO + "'") == 1) {
            return;
        }
        publishSettlement(KATO, "Ақбұлақ ауылы", "село Акбулак", LocalDate.of(2025, 1, 1));
        awaitKnown(KATO);
    }

    public static void publishSettlement(String kato, String nameKk, String nameRu, LocalDate validFrom) {
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            territory.send(Topics.TERRITORY, kato,
                    KafkaProbe.cloudEventHeaders(EventType.SETTLEMENT_PUBLISHED, UUID.randomUUID(), kato),
                    EventJson.write(new TerritoryEvents.SettlementPublished(kato, kato.substring(0, 6) + "000",
                            "991000000", "990000000", nameKk, nameRu, validFrom, null, Instant.now())));
        }
    }

    public void awaitKnown(String kato) {
        eventually(() -> assertEquals(1L,
                count("select count(*) from known_settlement where kato_code = '" + kato + "'"),
                "settlement " + kato + " reached intake"));
    }

    /**
     * An appeal filed by the citizen through the API and routed to the rural-district body {@code holderKato}, as
     * routing would announce it; returns the receipt.
     */
    public JsonPath routedAppeal(String iin, String holderKato) {
        return routedAppeal(iin, holderKato, SampleCitizens.appealJson(KATO, iin));
    }

    /** The same with the citizen's own appeal body. */
    public JsonPath routedAppeal(String iin, String holderKato, String appealJson) {
        sampleSettlementKnown();
        JsonPath receipt = given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .contentType(ContentType.JSON).body(appealJson)
                .post("/api/v1/appeals").then().statusCode(201).extract().jsonPath();
        UUID appealId = UUID.fromString(receipt.getString("appealId"));
        AppealEvents.Body akim = new AppealEvents.Body("rural-akim:" + holderKato, AppealEvents.BodyLevel.RURAL_DISTRICT,
                holderKato, "Ақбұлақ ауылдық округі", "Акбулакский сельский округ");
        AppealEvents.Routed routed = new AppealEvents.Routed(appealId, receipt.getString("receiptNumber"), akim,
                holderKato, "991020000", "991000000", AppealEvents.RoutingMethod.KATO, "KATO settlement",
                AppealEvents.AppealType.APPLICATION, "roads", "…", AppealEvents.Language.kk,
                LocalDate.parse(receipt.getString("registrationDay")), Instant.now().plusSeconds(60));
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            routing.send(Topics.ROUTING, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.ROUTED, UUID.randomUUID(), appealId.toString()),
                    EventJson.write(routed));
        }
        eventually(() -> assertEquals(1L, count("select count(*) from appeal_progress where appeal_id = '"
                + appealId + "' and body_kato = '" + holderKato + "'")));
        return receipt;
    }

    public long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
