package kz.appeals.routing.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static kz.appeals.routing.api.RoutingFlowTest.ADMIN;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An importer asks when every copy of the territory has an import: routing compares the watched group's committed
 * position on the real broker with what it published. The test's group stands for intake, moved by hand.
 */
@QuarkusTest
class TerritoryDeliveryTest {

    private static final String GROUP = "routing-test-territory-copy";
    private static final String CSV = "text/csv; charset=UTF-8";

    @Test
    void anImportIsDeliveredOnceEveryWatchedGroupHasConfirmedItsRecords() {
        confirmEverythingPublished();
        // a new village name each run, in force today: every run publishes at least that settlement
        String village = "Жеткізу " + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(CSV).body("""
                        te;ab;cd;ef;hij;k;name_kaz;name_rus;nn
                        890000000;89;00;00;000;1;Жеткізу облысы;Область доставки;
                        891000000;89;10;00;000;2;Жеткізу ауданы;Район доставки;
                        891021000;89;10;21;000;3;Жеткізу ауылдық округі;Сельский округ доставки;
                        891021001;89;10;21;001;4;%s ауылы;село %s;
                        """.formatted(village, village))
                .post("/api/v1/admin/territory/classifier?source=delivery-test.csv")
                .then().statusCode(200);

        JsonPath published = awaitDelivery(delivery -> delivery.getLong("waitingInOutbox") == 0);
        assertEquals(List.of(GROUP), published.getList("consumers.group"));
        assertTrue(published.getLong("consumers[0].behind") >= 1,
                "the village published is not confirmed by the group yet: " + published.prettify());
        assertEquals(0, published.getInt("consumers[0].readers"));
        assertFalse(published.getBoolean("everyConsumerHasIt"));

        // the copy applies everything up to the end of the topic and confirms it, as a consumer's commit does
        JsonPath delivered = awaitDelivery(delivery -> {
            confirmEverythingPublished();
            return delivery.getBoolean("everyConsumerHasIt");
        });
        assertEquals(0, delivered.getLong("consumers[0].behind"));
        assertEquals(0, delivered.getLong("waitingInOutbox"));
    }

    @Test
    void onlyAnAdminSeesIt() {
        given().get("/api/v1/admin/territory/delivery").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", RoutingFlowTest.OPERATOR).get("/api/v1/admin/territory/delivery")
                .then().statusCode(403).body("status", equalTo(403));
    }

    /** Asks until {@code done} holds; other modules' tests may publish territory at the same time. */
    private static JsonPath awaitDelivery(Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonPath delivery;
        do {
            delivery = given().header("Authorization", ADMIN).get("/api/v1/admin/territory/delivery")
                    .then().statusCode(200).extract().jsonPath();
            if (done.test(delivery)) {
                return delivery;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Not delivered in 30 s: " + delivery.prettify());
    }

    private static void confirmEverythingPublished() {
        try (KafkaConsumer<String, String> copy = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = copy.partitionsFor(Topics.TERRITORY).stream()
                    .map(partition -> new TopicPartition(Topics.TERRITORY, partition.partition())).toList();
            copy.assign(partitions);
            copy.seekToEnd(partitions);
            copy.commitSync(partitions.stream().collect(Collectors.toMap(partition -> partition,
                    partition -> new OffsetAndMetadata(copy.position(partition)))));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
