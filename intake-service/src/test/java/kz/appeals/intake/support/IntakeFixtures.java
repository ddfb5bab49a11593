package kz.appeals.intake.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What intake's tests share: the sample settlement published the way routing publishes it, and row counts. */
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

    public long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
