package kz.appeals.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two escalation-service processes in one consumer group, as two replicas of a deployment: they share the
 * lifecycle partitions and sweep the same table at once (two sweep workers each). Every lapsed term must be deemed
 * refused and escalated, and no lapse may be published twice.
 */
class EscalationReplicasIT {

    private static final int APPEALS = 300;
    private static final String RURAL_DISTRICT = "991021000";
    private static final Map<String, String> REPLICA = Map.of(
            "APPEALS_ESCALATION_SWEEP_EVERY", "1s",
            "APPEALS_ESCALATION_SWEEP_WORKERS", "2",
            "APPEALS_ESCALATION_SWEEP_BATCH_SIZE", "20");

    @Test
    void twoReplicasEscalateEveryLapsedTermOnce() throws Exception {
        try (ServiceProcess first = new ServiceProcess("escalation", 18184, REPLICA);
             ServiceProcess second = new ServiceProcess("escalation", 18284, REPLICA);
             KafkaProbe escalationTopic = new KafkaProbe(Topics.ESCALATION)) {
            first.start();
            second.start();
            first.awaitReady(Duration.ofSeconds(120));
            second.awaitReady(Duration.ofSeconds(120));

            // Registered 60 days ago: the rural district's 15 working days ran out long since.
            LocalDate registered = LocalDate.now(ZoneOffset.ofHours(5)).minusDays(60);
            Set<String> appeals = new HashSet<>();
            for (int i = 0; i < APPEALS; i++) {
                Routed routed = routed(UUID.randomUUID(), registered);
                escalationTopic.send(Topics.ROUTING, routed.subject(),
                        KafkaProbe.cloudEventHeaders(EventType.ROUTED, UUID.randomUUID(), routed.subject()),
                        EventJson.write(routed));
                appeals.add(routed.subject());
            }

            Map<String, Integer> published = new HashMap<>();
            Instant deadline = Instant.now().plusSeconds(180);
            while (!everyAppealDeemedRefusedAndEscalated(appeals, published) && Instant.now().isBefore(deadline)) {
                collect(escalationTopic, Duration.ofMillis(500), appeals, published);
            }
            // A second publication of a lapse would come from the other replica's sweep: keep reading a while.
            collect(escalationTopic, Duration.ofSeconds(5), appeals, published);

            assertTrue(everyAppealDeemedRefusedAndEscalated(appeals, published),
                    "not every appeal was deemed refused and escalated: " + published.size() + " events");
            published.forEach((lapse, times) -> assertEquals(1, times, "published " + times + " times: " + lapse));
        }
    }

    private static Routed routed(UUID appealId, LocalDate registered) {
        Body akim = new Body("rural-akim:" + RURAL_DISTRICT, BodyLevel.RURAL_DISTRICT, RURAL_DISTRICT,
                "Ауылдық округ әкімі", "Аким сельского округа");
        return new Routed(appealId, "KZ-REPLICAS-" + appealId.toString().substring(0, 8), akim, RURAL_DISTRICT,
                "991000000", "990000000", RoutingMethod.KATO, "Two replicas test", AppealType.APPLICATION, "roads",
                "Жолда шұңқыр бар", Language.kk, registered, Instant.now());
    }

    /**
     * Counts this test's lapses by what identifies one: a deemed refusal by appeal and body, an escalation by appeal,
     * from-body and to-body.
     */
    private static void collect(KafkaProbe topic, Duration window, Set<String> appeals, Map<String, Integer> counts)
            throws Exception {
        for (ConsumerRecord<String, String> record : topic.collect(window)) {
            if (!appeals.contains(record.key())) {
                continue;
            }
            String type = KafkaProbe.header(record, CloudEventHeaders.TYPE);
            JsonNode data = ContractJson.mapper().readTree(record.value());
            String lapse;
            if (EventType.DEEMED_REFUSED.wireName().equals(type)) {
                lapse = "deemed-refused " + record.key() + " " + data.path("bodyCode").asText();
            } else if (EventType.ESCALATED.wireName().equals(type)) {
                lapse = "escalated " + record.key() + " " + data.path("fromBody").path("code").asText() + " -> "
                        + data.path("toBody").path("code").asText();
            } else {
                continue;
            }
            counts.merge(lapse, 1, Integer::sum);
        }
    }

    private static boolean everyAppealDeemedRefusedAndEscalated(Set<String> appeals, Map<String, Integer> counts) {
        Set<String> deemedRefused = new HashSet<>();
        Set<String> escalated = new HashSet<>();
        counts.keySet().forEach(lapse -> {
            String[] parts = lapse.split(" ");
            (parts[0].equals("escalated") ? escalated : deemedRefused).add(parts[1]);
        });
        return deemedRefused.containsAll(appeals) && escalated.containsAll(appeals);
    }
}
