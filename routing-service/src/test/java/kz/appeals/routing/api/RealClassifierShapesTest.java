package kz.appeals.routing.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.TerritoryEvents.UnitKind;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.routing.domain.RoutingDecision;
import kz.appeals.routing.service.TerritoryCache;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.TestInfrastructure;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.routing.api.RoutingFlowTest.ADMIN;
import static kz.appeals.routing.api.RoutingFlowTest.OPERATOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shapes of the real KATO classifier that the SAMPLE and the synthetic national territory lack (issue 21), on a
 * fixture with the real structure and synthetic names (src/test/resources/reference/real-structure-kato.csv, region
 * 92 and city 94), imported through the admin API: cities of regional significance with their own rural districts and
 * villages, towns of district significance, town, village and settlement akimats, fifth-level localities, markers
 * before or after the name, a city of republican significance with city districts. Every place routes to a body that
 * exists, and intake learns every place it may accept.
 */
@QuarkusTest
class RealClassifierShapesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final String CITY_ADMINISTRATION = "921000000";

    @Inject
    TerritoryCache cache;

    @BeforeEach
    void importTheFixture() throws IOException {
        given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8").body(fixture())
                .post("/api/v1/admin/territory/classifier?effectiveFrom=2025-01-01&source=real-structure-kato.csv")
                .then().statusCode(200).body("rows", equalTo(31));
    }

    @Test
    void everyUnitWithAnAkimOfItsOwnIsABodyOfItsKind() {
        Map<String, String[]> expected = Map.ofEntries(
                Map.entry("920000000", new String[]{"REGION", "REGION"}),
                Map.entry("921000000", new String[]{"DISTRICT", "CITY_ADMINISTRATION"}),
                Map.entry("921010000", new String[]{"SETTLEMENT", "CITY"}),
                Map.entry("921033000", new String[]{"RURAL_DISTRICT", "RURAL_DISTRICT"}),
                Map.entry("923400000", new String[]{"DISTRICT", "DISTRICT"}),
                Map.entry("923600000", new String[]{"DISTRICT", "DISTRICT"}),
                Map.entry("923420000", new String[]{"RURAL_DISTRICT", "SETTLEMENT_AKIMAT"}),
                Map.entry("923433000", new String[]{"RURAL_DISTRICT", "RURAL_DISTRICT"}),
                Map.entry("923435000", new String[]{"RURAL_DISTRICT", "VILLAGE_AKIMAT"}),
                Map.entry("923435101", new String[]{"SETTLEMENT", "LOCALITY"}),
                Map.entry("923620100", new String[]{"RURAL_DISTRICT", "TOWN"}),
                Map.entry("923624000", new String[]{"RURAL_DISTRICT", "TOWN_ADMINISTRATION"}),
                Map.entry("923624100", new String[]{"SETTLEMENT", "LOCALITY"}),
                Map.entry("923633500", new String[]{"SETTLEMENT", "LOCALITY"}),
                Map.entry("940000000", new String[]{"REGION", "CITY_OF_REPUBLICAN_SIGNIFICANCE"}),
                Map.entry("941110000", new String[]{"DISTRICT", "CITY_DISTRICT"}),
                Map.entry("941210000", new String[]{"DISTRICT", "CITY_DISTRICT"}));
        expected.forEach((kato, levelAndKind) -> given().header("Authorization", OPERATOR)
                .get("/api/v1/territory/" + kato).then().statusCode(200)
                .body("level", equalTo(levelAndKind[0])).body("kind", equalTo(levelAndKind[1])));
    }

    @Test
    void aVillageInARuralDistrictAndAFifthLevelLocalityGoToTheirRuralAkim() {
        assertEquals("rural-akim:923433000", routedByKato("923433100").body().code());
        RoutingDecision.Routed winterCamp = routedByKato("923435101");
        assertEquals("rural-akim:923435000", winterCamp.body().code(), "the village akimat above the village");
        assertEquals("923435101", winterCamp.place().settlementKato());
        assertEquals("923400000", winterCamp.districtKato());
        assertTrue(winterCamp.reason().contains("lies in village akimat 923435000"), winterCamp.reason());
    }

    @Test
    void anAddressWithRegionDistrictAndVillageFindsTheVillage() {
        RoutingDecision.Routed routed = routedByAddress("Сарыозенская обл., Аршалынский р-н, с.Жибек жолы, ул. Абая 3");
        assertEquals("rural-akim:923433000", routed.body().code());
        assertEquals("923433100", routed.place().settlementKato());
        assertEquals("rural-akim:923435000", routedByAddress("Аршалы ауданы, Азатқоныс ауылы")
                .body().code(), "a district named in the text narrows the places");
    }

    /** Intake refused such an appeal with 422: the city was published as a rural district, which intake ignored. */
    @Test
    void anAppealAtACityOfRegionalSignificanceGoesToTheCityAkimatAndIntakeLearnsThePlace() {
        for (String kato : List.of("921010000", CITY_ADMINISTRATION)) {
            RoutingDecision.Routed routed = routedByKato(kato);
            assertEquals("district:akimat:" + CITY_ADMINISTRATION, routed.body().code(), kato);
            assertEquals(BodyLevel.DISTRICT_AKIMAT, routed.body().level());
            assertNull(routed.ruralDistrictKato());
        }
        Map<String, ConsumerRecord<String, String>> published = latestOnTheTerritoryTopic(
                Set.of("921010000", CITY_ADMINISTRATION, "923620100", "921045100", "941110000"));
        SettlementPublished city = EventJson.read(published.get("921010000").value(), SettlementPublished.class);
        assertEquals(CITY_ADMINISTRATION, city.districtKato());
        assertNull(city.ruralDistrictKato());
        TerritorialUnitPublished administration = EventJson.read(published.get(CITY_ADMINISTRATION).value(),
                TerritorialUnitPublished.class);
        assertEquals(UnitLevel.DISTRICT, administration.level());
        assertEquals(UnitKind.CITY_ADMINISTRATION, administration.kind());
        TerritorialUnitPublished town = EventJson.read(published.get("923620100").value(),
                TerritorialUnitPublished.class);
        assertEquals(UnitLevel.RURAL_DISTRICT, town.level());
        assertEquals(UnitKind.TOWN, town.kind(), "a town's akim is published as a town, not as a rural district");
        assertEquals("923600000", town.districtKato());
        assertEquals(CITY_ADMINISTRATION,
                EventJson.read(published.get("921045100").value(), SettlementPublished.class).districtKato());
        TerritorialUnitPublished cityDistrict = EventJson.read(published.get("941110000").value(),
                TerritorialUnitPublished.class);
        assertEquals(UnitLevel.DISTRICT, cityDistrict.level());
        assertEquals(UnitKind.CITY_DISTRICT, cityDistrict.kind());
        assertEquals("940000000", cityDistrict.regionKato());
    }

    /** It went to triage: no rural district 923620000 stands above its code. */
    @Test
    void aTownOfDistrictSignificanceIsABodyOfItsOwn() {
        RoutingDecision.Routed town = routedByKato("923620100");
        assertEquals("rural-akim:923620100", town.body().code());
        assertEquals("923600000", town.districtKato());
        assertEquals("rural-akim:923624000", routedByKato("923624300").body().code(),
                "a village of a town administration goes to the town's akim");
        assertEquals("rural-akim:923624000", routedByKato("923624100").body().code());
        assertEquals("rural-akim:923420000", routedByKato("923420300").body().code(),
                "a station of a settlement akimat");
    }

    /** It went to rural-akim:<the city's code>, a body that does not exist. */
    @Test
    void aVillageStraightUnderACityAdministrationGoesToTheCityAkimat() {
        for (String kato : List.of("921045100", "921010200")) {
            RoutingDecision.Routed routed = routedByKato(kato);
            assertEquals("district:akimat:" + CITY_ADMINISTRATION, routed.body().code(), kato);
            assertEquals(kato, routed.place().settlementKato());
        }
        assertEquals("district:akimat:923400000", routedByKato("923440100").body().code(),
                "a village straight under a district goes to the district akimat");
    }

    /** It went to triage: the city's name matched the city and its administration, two places at once. */
    @Test
    void anAddressNamingTheCityAdministrationAndAVillageInItsRuralDistrictFindsTheVillage() {
        RoutingDecision.Routed routed = routedByAddress("Торткуль Г.А., с.Ескишилик");
        assertEquals("rural-akim:921033000", routed.body().code());
        assertEquals("921033300", routed.place().settlementKato());
        assertEquals("rural-akim:921033000", routedByAddress("Төрткөл қ.ә., Ескішілік ауылы").body().code());
        assertEquals("district:akimat:" + CITY_ADMINISTRATION,
                routedByAddress("г.Торткуль, ул. Абая 12").body().code());
        assertEquals("district:akimat:" + CITY_ADMINISTRATION,
                routedByAddress("Торткуль Г.А., с.Талдысай").body().code());
    }

    @Test
    void aCityOfRepublicanSignificanceAndItsDistrictsAreBodies() {
        assertEquals("region:akimat:940000000", routedByKato("940000000").body().code());
        RoutingDecision.Routed district = routedByKato("941110000");
        assertEquals("district:akimat:941110000", district.body().code());
        assertEquals("940000000", district.regionKato());
        assertEquals("district:akimat:941210000", routedByAddress("г.Алтынкала, Сарыжайлауский район").body().code());
        assertEquals("region:akimat:940000000", routedByAddress("Алтынқала қаласы, 12 үй").body().code());
    }

    /** West of the synthetic national territory (50–82° E), so that only these boundaries contain the points. */
    @Test
    void aPointInACityAdministrationOutsideItsRuralDistrictsGoesToTheCityAkimat() {
        given().header("Authorization", ADMIN).contentType("application/geo+json").body("""
                        {"type":"FeatureCollection","features":[
                         {"type":"Feature","properties":{"kato":"921000000"},"geometry":{"type":"Polygon",
                          "coordinates":[[[48.0,47.0],[49.0,47.0],[49.0,48.0],[48.0,48.0],[48.0,47.0]]]}},
                         {"type":"Feature","properties":{"kato":"921033000"},"geometry":{"type":"Polygon",
                          "coordinates":[[[48.0,47.0],[48.5,47.0],[48.5,47.5],[48.0,47.5],[48.0,47.0]]]}},
                         {"type":"Feature","properties":{"kato":"923620100"},"geometry":{"type":"Polygon",
                          "coordinates":[[[47.0,47.0],[47.5,47.0],[47.5,47.5],[47.0,47.5],[47.0,47.0]]]}}]}""")
                .post("/api/v1/admin/territory/boundaries?effectiveFrom=2025-01-01").then().statusCode(200);
        assertEquals("district:akimat:" + CITY_ADMINISTRATION,
                routed(new Location(null, 47.8, 48.8, null)).body().code());
        assertEquals("rural-akim:921033000", routed(new Location(null, 47.2, 48.2, null)).body().code(),
                "the rural district's boundary inside the city administration's comes first");
        assertEquals("rural-akim:923620100", routed(new Location(null, 47.2, 47.2, null)).body().code());
        // the dashboard's map shows the rural-level units, not the city administration over them
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.ANALYST)))
                .get("/api/v1/territory/boundaries?regionKato=920000000").then().statusCode(200)
                .body("features.properties.kato", equalTo(List.of("921033000", "923620100")));
        // a release imported ahead of the day it comes into force is not on the public map before that day
        given().header("Authorization", ADMIN).contentType("application/geo+json").body("""
                        {"type":"FeatureCollection","features":[
                         {"type":"Feature","properties":{"kato":"921033000"},"geometry":{"type":"Polygon",
                          "coordinates":[[[48.0,47.0],[48.9,47.0],[48.9,47.9],[48.0,47.9],[48.0,47.0]]]}}]}""")
                .post("/api/v1/admin/territory/boundaries?effectiveFrom="
                        + LocalDate.now(ZoneOffset.ofHours(5)).plusDays(30)).then().statusCode(200);
        List<Number> longitudes = given().get("/api/v1/territory/boundaries?regionKato=920000000").then()
                .statusCode(200).extract().path("features.find { it.properties.kato == '921033000' }"
                        + ".geometry.coordinates[0].collect { it[0] }");
        assertEquals(48.5, longitudes.stream().mapToDouble(Number::doubleValue).max().orElseThrow(), 1e-9,
                "the boundary in force today, not the one from next month");
    }

    /**
     * A city's akim and its own residents come from the akims' register like a rural akim's, so that analytics can
     * count the city's appeals per resident; a district's residents are its units' sum, never a row of its own.
     */
    @Test
    void theAkimsRegisterNamesACitysAkimAndResidentsButNotADistricts() {
        String header = "rural_district_kato;akim_name;elected_since;population;office_phone;office_email\n";
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8")
                    .body(header + CITY_ADMINISTRATION + ";Қалалық Әкім;2024-03-01;97000;;\n"
                            + "941110000;Аудандық Әкім;2023-05-02;210000;;\n")
                    .post("/api/v1/admin/territory/akims?effectiveFrom=2025-01-01")
                    .then().statusCode(200).body("rows", equalTo(2));
            TerritorialUnitPublished city = EventJson.read(territory.await(
                    r -> CITY_ADMINISTRATION.equals(r.key()) && r.value().contains("97000"),
                    Duration.ofSeconds(20)).value(), TerritorialUnitPublished.class);
            assertEquals(97_000, city.population());
            assertEquals("Қалалық Әкім", city.akimName());
            assertEquals(LocalDate.of(2024, 3, 1), city.akimElectedSince());
            assertEquals(UnitKind.CITY_ADMINISTRATION, city.kind());
        }
        given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8")
                .body(header + "923400000;Аудан Әкімі;2024-01-01;50000;;\n")
                .post("/api/v1/admin/territory/akims?effectiveFrom=2025-01-01")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("row 2.rural_district_kato"))
                .body("errors[0].message", containsString("district 923400000"));
    }

    /** A consumer that read the topic before units had a kind learns the town's kind without a new release. */
    @Test
    void republishingPutsEveryUnitInForceOnTheTopicAgainWithItsKind() {
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            JsonPath republished = JsonPath.from(given().header("Authorization", ADMIN)
                    .post("/api/v1/admin/territory/republish").then().statusCode(200).extract().asString());
            assertTrue(republished.getInt("units") >= 12, republished.prettify());
            assertTrue(republished.getInt("settlements") >= 14, republished.prettify());
            // a town is a body and a place: its code carries a unit record and a settlement record
            TerritorialUnitPublished town = EventJson.read(territory.await(
                    published(EventType.TERRITORIAL_UNIT_PUBLISHED, "923620100"), Duration.ofSeconds(20)).value(),
                    TerritorialUnitPublished.class);
            assertEquals(UnitKind.TOWN, town.kind());
            SettlementPublished village = EventJson.read(territory.await(
                    published(EventType.SETTLEMENT_PUBLISHED, "921045100"), Duration.ofSeconds(20)).value(),
                    SettlementPublished.class);
            assertEquals(CITY_ADMINISTRATION, village.districtKato());
        }
        given().header("Authorization", OPERATOR).post("/api/v1/admin/territory/republish").then().statusCode(403);
    }

    @Test
    void anAppealFromTheCityIsRoutedEndToEndToTheCityAkimat() {
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            RoutingFlowTest.submit(routing, RoutingFlowTest.submitted(appealId, "roads",
                    new Location("921010000", null, null, null)));
            AppealEvents.Routed routed = EventJson.read(routing.await(KafkaProbe.ofType(EventType.ROUTED,
                    appealId.toString()), Duration.ofSeconds(20)).value(), AppealEvents.Routed.class);
            assertEquals("district:akimat:" + CITY_ADMINISTRATION, routed.body().code());
        }
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> published(EventType type,
                                                                                          String kato) {
        return record -> kato.equals(record.key()) && fromRouting(record)
                && type.wireName().equals(KafkaProbe.header(record, CloudEventHeaders.TYPE));
    }

    /**
     * CI runs the modules' tests side by side on one Kafka, and intake's tests publish records of these very codes
     * (some without a kind) as a stand-in for routing: only routing's own records say what routing published.
     */
    private static boolean fromRouting(ConsumerRecord<String, String> record) {
        return ConfigProvider.getConfig().getValue("appeals.outbox.source", String.class)
                .equals(KafkaProbe.header(record, CloudEventHeaders.SOURCE));
    }

    private RoutingDecision.Routed routedByKato(String kato) {
        return routed(new Location(kato, null, null, null));
    }

    private RoutingDecision.Routed routedByAddress(String address) {
        return routed(new Location(null, null, null, address));
    }

    private RoutingDecision.Routed routed(Location location) {
        RoutingDecision decision = cache.policy().decide(location, "roads", DAY, Set.of());
        return assertInstanceOf(RoutingDecision.Routed.class, decision, () -> decision.toString());
    }

    /** The compacted topic's truth: the latest record of each code, read from the beginning. */
    private static Map<String, ConsumerRecord<String, String>> latestOnTheTerritoryTopic(Set<String> codes) {
        Map<String, ConsumerRecord<String, String>> latest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "shapes-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TERRITORY).stream()
                    .map(p -> new TopicPartition(Topics.TERRITORY, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertTrue(System.nanoTime() < deadline, "the territory topic was not read to its end in time");
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (codes.contains(record.key()) && fromRouting(record)) {
                        latest.put(record.key(), record);
                    }
                }
            }
        }
        assertEquals(codes, latest.keySet());
        return latest;
    }

    private static String fixture() throws IOException {
        try (InputStream in = RealClassifierShapesTest.class
                .getResourceAsStream("/reference/real-structure-kato.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
