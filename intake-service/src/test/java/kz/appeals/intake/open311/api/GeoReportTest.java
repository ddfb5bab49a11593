package kz.appeals.intake.open311.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents;
import kz.appeals.contracts.Topics;
import kz.appeals.intake.domain.Category;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.intake.open311.api.Open311Client.ADMIN;
import static kz.appeals.intake.open311.api.Open311Client.issue;
import static kz.appeals.intake.open311.api.Open311Client.issueKey;
import static kz.appeals.intake.open311.api.Open311Client.post;
import static kz.appeals.intake.open311.api.Open311Client.validForm;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open311 GeoReport v2 against the real test PostgreSQL and Kafka, every method in XML and in JSON. */
@QuarkusTest
class GeoReportTest {

    private static final String KATO = SampleCitizens.SAMPLE_SETTLEMENT;
    private static final String RECEIPT = "KZ\\d{2}-\\d{7}-[0-9A-Z]";
    private static final String NATIONAL_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+05:00";

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void publishTheSampleSettlement() {
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            territory.send(Topics.TERRITORY, KATO,
                    KafkaProbe.cloudEventHeaders(EventType.SETTLEMENT_PUBLISHED, UUID.randomUUID(), KATO),
                    EventJson.write(new TerritoryEvents.SettlementPublished(KATO, "991021000", "991000000",
                            "990000000", "Ақбұлақ ауылы", "село Акбулак", LocalDate.of(2025, 1, 1), null,
                            Instant.now())));
        }
    }

    @Test
    void discoveryNamesTheEndpointAndBothFormats() {
        given().get("/open311/v2/discovery.xml").then().statusCode(200).contentType("text/xml")
                .body("discovery.endpoints.endpoint.specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("discovery.endpoints.endpoint.url", containsString("/open311/v2"))
                .body("discovery.endpoints.endpoint.formats.format", contains("text/xml", "application/json"))
                .body("discovery.key_service", containsString("/api/v1/admin/open311-keys"));
        given().get("/open311/v2/discovery.json").then().statusCode(200).contentType("application/json")
                .body("endpoints[0].type", equalTo("production"))
                .body("endpoints[0].formats", contains("text/xml", "application/json"))
                .body("changeset", matchesPattern(NATIONAL_TIME));
        given().get("/open311/v2/discovery.csv").then().statusCode(404).contentType("text/xml")
                .body("errors.error.code", equalTo("404"));
    }

    @Test
    void theOpenApiDocumentListsEveryMethod() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/open311/v2/discovery.{format}",
                        "/open311/v2/services.{format}", "/open311/v2/services/{service_code}.{format}",
                        "/open311/v2/requests.{format}", "/open311/v2/requests/{service_request_id}.{format}",
                        "/open311/v2/tokens/{token_id}.{format}", "/api/v1/admin/open311-keys"))
                .body("paths.'/open311/v2/requests.{format}'.keySet()", hasItems("get", "post"));
    }

    @Test
    void servicesAreTheCategoriesInTheAskedLanguage() {
        given().get("/open311/v2/services.xml").then().statusCode(200).contentType("text/xml")
                .body("services.service.size()", equalTo(Category.values().length))
                .body("services.service.find { it.service_code == 'roads' }.service_name", equalTo("Жолдар"))
                .body("services.service.metadata", everyItem(equalTo("true")))
                .body("services.service.type", everyItem(equalTo("realtime")));
        given().header("Accept-Language", "ru-KZ, en;q=0.5").get("/open311/v2/services.json").then()
                .statusCode(200).contentType("application/json")
                .body("$", hasSize(Category.values().length))
                .body("find { it.service_code == 'roads' }.service_name", equalTo("Дороги"))
                .body("find { it.service_code == 'roads' }.description", containsString("15"));
    }

    @Test
    void aServiceDefinitionAsksForTheIinAndTheAppealsTypeAndLanguage() {
        given().get("/open311/v2/services/social-support.xml").then().statusCode(200)
                .body("service_definition.service_code", equalTo("social-support"))
                .body("service_definition.attributes.attribute.code",
                        contains("iin", "appeal_type", "language", "publication"))
                .body("service_definition.attributes.attribute.find { it.code == 'publication' }.required",
                        equalTo("false"))
                .body("service_definition.attributes.attribute.find { it.code == 'iin' }.required", equalTo("true"))
                .body("service_definition.attributes.attribute.find { it.code == 'iin' }.datatype", equalTo("string"))
                .body("service_definition.attributes.attribute.find { it.code == 'appeal_type' }.values.value.key",
                        hasItem("COMPLAINT"));
        given().header("Accept-Language", "en").get("/open311/v2/services/roads.json").then().statusCode(200)
                .body("service_code", equalTo("roads"))
                .body("attributes.code", contains("iin", "appeal_type", "language", "publication", "defect"))
                .body("attributes.order", contains(1, 2, 3, 4, 5))
                .body("attributes[3].values.key", contains("PRIVATE", "PUBLIC"))
                .body("attributes[4].required", equalTo(true))
                .body("attributes[4].values.key", hasItem("pothole"))
                .body("attributes.variable", everyItem(equalTo(true)))
                .body("attributes[2].datatype", equalTo("singlevaluelist"))
                .body("attributes[2].values.key", contains("kk", "ru", "en"))
                .body("attributes[2].values.name", contains("Kazakh", "Russian", "English"));
        given().get("/open311/v2/services/potholes.xml").then().statusCode(404).contentType("text/xml")
                .body("errors.error.code", equalTo("404"))
                .body("errors.error.description", containsString("potholes"));
        given().get("/open311/v2/services/potholes.json").then().statusCode(404).contentType("application/json")
                .body("[0].code", equalTo(404));
    }

    @Test
    void aPostedRequestIsADurableAppealWhoseSubmittedEventKeepsTheContract() {
        awaitSettlementKnown();
        String key = issueKey("FixMyStreet test");
        String iin = SampleCitizens.randomIin();
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE)) {
            String xmlId = post("xml", validForm(key, iin, "yards")).then().statusCode(201).contentType("text/xml")
                    .body("service_requests.request.service_notice", containsString("APPK"))
                    .body("service_requests.request.account_id", emptyString())
                    .extract().path("service_requests.request.service_request_id");
            assertTrue(xmlId.matches(RECEIPT), xmlId);

            ConsumerRecord<String, String> event = intake.await(submittedWith(xmlId), Duration.ofSeconds(20));
            AppealEvents.Submitted submitted = EventJson.read(event.value(), AppealEvents.Submitted.class);
            assertEquals("open311", submitted.channel());
            assertEquals("yards", submitted.categoryCode());
            assertEquals(43.25, submitted.location().latitude());
            assertEquals(76.95, submitted.location().longitude());
            assertEquals(AppealEvents.AppealType.COMPLAINT, submitted.appealType());
            assertEquals(AppealEvents.Language.ru, submitted.language());
            assertFalse(event.value().contains(iin), "IIN must not leave intake");
            assertFalse(event.value().contains("Айгерім"), "Name must not leave intake");

            Map<String, String> byKato = validForm(key, SampleCitizens.randomIin(), "yards");
            byKato.remove("lat");
            byKato.remove("long");
            byKato.remove("attribute[appeal_type]");
            byKato.remove("attribute[language]");
            byKato.put("address_id", KATO);
            String jsonId = post("json", byKato).then().statusCode(201).contentType("application/json")
                    .body("[0].service_notice", containsString("APPK"))
                    .extract().path("[0].service_request_id");
            AppealEvents.Submitted second = EventJson.read(
                    intake.await(submittedWith(jsonId), Duration.ofSeconds(20)).value(), AppealEvents.Submitted.class);
            assertEquals(KATO, second.location().katoCode());
            assertEquals(AppealEvents.AppealType.APPLICATION, second.appealType(), "default appeal type");
            assertEquals(AppealEvents.Language.kk, second.language(), "default language");
        }
    }

    @Test
    void aRequestFiledByAddressIdIsShownAtTheSettlementsPointUnlessTheApplicantGaveTheirOwn() {
        String settlement = "991097001";
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            territory.send(Topics.TERRITORY, settlement,
                    KafkaProbe.cloudEventHeaders(EventType.SETTLEMENT_PUBLISHED, UUID.randomUUID(), settlement),
                    EventJson.write(new TerritoryEvents.SettlementPublished(settlement, "991097000", "991000000",
                            "990000000", "Нүкте ауылы", "село Точка", LocalDate.of(2025, 1, 1), null, Instant.now(),
                            new TerritoryEvents.Point(47.71234, 68.95678, TerritoryEvents.PointSource.BOUNDARY,
                                    "991097000"))));
        }
        eventually(() -> assertEquals(1L, count("select count(*) from known_settlement where kato_code = '"
                + settlement + "' and latitude = 47.71234 and longitude = 68.95678 and point_source = 'BOUNDARY'")));
        String key = issueKey("address_id points");
        Map<String, String> byAddressId = validForm(key, SampleCitizens.randomIin(), "yards");
        byAddressId.remove("lat");
        byAddressId.remove("long");
        byAddressId.put("address_id", settlement);
        String id = post("json", byAddressId).then().statusCode(201).extract().path("[0].service_request_id");

        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].address_id", equalTo(settlement))
                .body("[0].lat", equalTo(47.71234f)).body("[0].long", equalTo(68.95678f));
        given().get("/open311/v2/requests/" + id + ".xml").then().statusCode(200)
                .body("service_requests.request.lat", equalTo("47.71234"))
                .body("service_requests.request.long", equalTo("68.95678"));
        given().get("/open311/v2/requests.json?service_request_id=" + id).then().statusCode(200)
                .body("[0].lat", equalTo(47.71234f)).body("[0].long", equalTo(68.95678f));
        given().get("/open311/v2/requests.xml?service_code=yards").then().statusCode(200)
                .body("service_requests.request.find { it.service_request_id == '" + id + "' }.lat",
                        equalTo("47.71234"));

        Map<String, String> both = validForm(key, SampleCitizens.randomIin(), "yards");
        both.put("address_id", settlement);
        String own = post("json", both).then().statusCode(201).extract().path("[0].service_request_id");
        given().get("/open311/v2/requests/" + own + ".json").then().statusCode(200)
                .body("[0].address_id", equalTo(settlement))
                .body("[0].lat", equalTo(43.25f)).body("[0].long", equalTo(76.95f));
    }

    @Test
    void appealsAboutAPersonsOwnSituationNeverAppearInThePublicFeedButCanBeFollowed() {
        awaitSettlementKnown();
        String id = post("json", validForm(issueKey("social"), SampleCitizens.randomIin(), "social-support"))
                .then().statusCode(201).extract().path("[0].service_request_id");
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(id))
                .body("[0].status", equalTo("open"))
                .body("[0].service_code", nullValue())
                .body("[0].description", nullValue())
                .body("[0].lat", nullValue())
                .body("[0].media_url", nullValue());
        given().get("/open311/v2/tokens/" + id + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(id));
        given().get("/open311/v2/requests.json?service_request_id=" + id).then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void charactersXmlCannotCarryAreRefusedAndEveryListStaysWellFormed() throws Exception {
        awaitSettlementKnown();
        String key = issueKey("control characters");
        for (String bad : List.of("\u0001", "\u0007", "\u001B", "\uFFFF")) {
            Map<String, String> form = validForm(key, SampleCitizens.randomIin(), "yards");
            form.put("description", "Жарық " + bad + " жоқ");
            post("xml", form).then().statusCode(400)
                    .body("errors.error.description", containsString("description: character U+"));
        }
        String id = post("json", validForm(key, SampleCitizens.randomIin(), "yards")).then().statusCode(201)
                .extract().path("[0].service_request_id");
        // as an older version may have stored it
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update appeal set description = 'Жарық ' || chr(1) || chr(27) || ' жоқ' where receipt_number = ?1")
                .setParameter(1, id).executeUpdate());
        for (String path : List.of("/open311/v2/requests.xml", "/open311/v2/requests/" + id + ".xml")) {
            byte[] xml = given().get(path).then().statusCode(200).extract().asByteArray();
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml));
        }
        given().get("/open311/v2/requests/" + id + ".xml").then()
                .body("service_requests.request.description", equalTo("Жарық  жоқ"));
    }

    @Test
    void aPhoneOrAnEmailIsEnoughAndEveryErrorComesAtOnce() {
        awaitSettlementKnown();
        String key = issueKey("reachable");
        Map<String, String> emailOnly = validForm(key, SampleCitizens.randomIin(), "yards");
        emailOnly.remove("phone");
        post("json", emailOnly).then().statusCode(201);
        Map<String, String> phoneOnly = validForm(key, SampleCitizens.randomIin(), "yards");
        phoneOnly.remove("email");
        post("json", phoneOnly).then().statusCode(201);
        Map<String, String> neither = validForm(key, SampleCitizens.randomIin(), "yards");
        neither.remove("phone");
        neither.remove("email");
        neither.remove("first_name");
        neither.remove("last_name");
        post("json", neither).then().statusCode(400)
                .body("description", hasItem(allOf(startsWith("phone/email:"), endsWith("(required)"))))
                .body("description", hasItem(startsWith("first_name/last_name:")));
        given().header("Accept-Language", "en").get("/open311/v2/services/yards.json").then()
                .body("attributes.find { it.code == 'iin' }.description", containsString("phone or email"));
    }

    /** The form's missing name and contact, an unknown service, a wrong IIN and an attribute: one answer lists all. */
    @Test
    void everyErrorOfARequestComesInOneErrorList() {
        awaitSettlementKnown();
        Map<String, String> wrong = validForm(issueKey("all at once"), "900101300018", "yards");
        wrong.remove("phone");
        wrong.remove("email");
        wrong.remove("first_name");
        wrong.remove("last_name");
        wrong.put("service_code", "potholes");
        post("json", wrong).then().statusCode(400)
                .body("description", hasItem(startsWith("phone/email:")))
                .body("description", hasItem(startsWith("first_name/last_name:")))
                .body("description", hasItem(startsWith("service_code:")))
                .body("description", hasItem(allOf(startsWith("attribute[iin]:"), containsString("iin-check-digit"))));
    }

    @Test
    void oneApplicantsRequestsAreLimitedThroughOpen311TooAndTheRefusalIsTheErrorList() {
        awaitSettlementKnown();
        String key = issueKey("one applicant");
        String iin = SampleCitizens.randomIin();
        List<Integer> statuses = new java.util.ArrayList<>();
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 22 && refused == null; i++) {
            io.restassured.response.Response response = post("xml", validForm(key, iin, "yards"));
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertEquals(20, statuses.stream().filter(status -> status == 201).count(),
                "the applicant's burst of 20, then refused: " + statuses);
        refused.then().contentType("text/xml").body("errors.error.code", equalTo("429"))
                .body("errors.error.description", containsString("retry after"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        // another applicant through the same key is not held back
        post("json", validForm(key, SampleCitizens.randomIin(), "yards")).then().statusCode(201);
    }

    @Test
    void updatesOfPublishedRequestsAreListedMaskedForFixMyStreet() throws Exception {
        awaitSettlementKnown();
        String key = issueKey("updates");
        String published = post("json", validForm(key, SampleCitizens.randomIin(), "yards")).then().statusCode(201)
                .extract().path("[0].service_request_id");
        Map<String, String> form = validForm(key, SampleCitizens.randomIin(), "yards");
        form.remove("attribute[publication]");
        String unpublished = post("json", form).then().statusCode(201).extract().path("[0].service_request_id");
        String step = recordStep(published, "ANSWERED", "Айгерім ханым, шам ауыстырылды. Тел. 8 701 555 12 34");
        recordStep(unpublished, "ANSWERED", "Жабық өтінішке жауап");

        given().get("/open311/v2/servicerequestupdates.json").then().statusCode(200)
                .body("find { it.update_id == '" + step + "' }.service_request_id", equalTo(published))
                .body("find { it.update_id == '" + step + "' }.status", equalTo("closed"))
                .body("find { it.update_id == '" + step + "' }.external_status_code", equalTo("ANSWERED"))
                .body("find { it.update_id == '" + step + "' }.description", equalTo("*** ханым, шам ауыстырылды. Тел. ***"))
                .body("service_request_id", not(hasItem(unpublished)));
        byte[] xml = given().get("/open311/v2/servicerequestupdates.xml").then().statusCode(200)
                .contentType("text/xml").extract().asByteArray();
        org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml));
        assertEquals("service_request_updates", document.getDocumentElement().getTagName());
        assertTrue(new String(xml, java.nio.charset.StandardCharsets.UTF_8)
                .contains("<service_request_id>" + published + "</service_request_id>"));
        given().get("/open311/v2/servicerequestupdates.json?start_date=tomorrow").then().statusCode(400)
                .body("[0].description", startsWith("start_date:"));
        given().queryParam("start_date", "+999999999-12-31").get("/open311/v2/servicerequestupdates.json").then()
                .statusCode(400)
                .body("[0].description", allOf(startsWith("start_date:"), endsWith("(range)")));
        given().get("/open311/v2/requests.json?end_date=-999999999-01-01").then().statusCode(400)
                .body("[0].description", startsWith("end_date:"));
    }

    @Test
    void errorsOutsideTheResourcesAreTheStandardsErrorListToo() throws Exception {
        given().get("/open311/v2/no-such-method.xml").then().statusCode(404).contentType("text/xml")
                .body("errors.error.code", equalTo("404"));
        given().delete("/open311/v2/discovery.json").then().statusCode(405).contentType("application/json")
                .body("[0].code", equalTo(405));
        byte[] xml = given().contentType(ContentType.JSON).body("{\"service_code\":\"roads\"}")
                .post("/open311/v2/requests.xml").then().statusCode(415).contentType("text/xml")
                .body("errors.error.code", equalTo("415")).extract().asByteArray();
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml));
    }

    @Test
    void aRequestIsPrivateUnlessTheClientDeclaresItPublic() {
        awaitSettlementKnown();
        Map<String, String> form = validForm(issueKey("private by default"), SampleCitizens.randomIin(), "yards");
        form.remove("attribute[publication]");
        String id = post("xml", form).then().statusCode(201)
                .extract().path("service_requests.request.service_request_id");
        given().get("/open311/v2/requests/" + id + ".xml").then().statusCode(200)
                .body("service_requests.request.status", equalTo("open"))
                .body("service_requests.request.service_code", equalTo("yards"))
                .body("service_requests.request.service_notice", containsString("APPK"))
                .body("service_requests.request.description", emptyString())
                .body("service_requests.request.address", emptyString())
                .body("service_requests.request.lat", emptyString());
        given().get("/open311/v2/requests.json?service_request_id=" + id).then().statusCode(200)
                .body("size()", equalTo(0));
        form.put("attribute[publication]", "HIDDEN");
        post("json", form).then().statusCode(400)
                .body("description", hasItem(containsString("attribute[publication]")));
    }

    @Test
    void aRequestReadsBackWithoutPersonalDataAndWithItsProgress() {
        awaitSettlementKnown();
        String iin = SampleCitizens.randomIin();
        Map<String, String> form = validForm(issueKey("reader"), iin, "playgrounds");
        String id = post("json", form).then().statusCode(201).extract().path("[0].service_request_id");

        String xml = given().get("/open311/v2/requests/" + id + ".xml").then().statusCode(200).contentType("text/xml")
                .body("service_requests.request.size()", equalTo(1))
                .body("service_requests.request.service_request_id", equalTo(id))
                .body("service_requests.request.status", equalTo("open"))
                .body("service_requests.request.service_code", equalTo("playgrounds"))
                .body("service_requests.request.service_name", equalTo("Балалар алаңдары"))
                .body("service_requests.request.requested_datetime", matchesPattern(NATIONAL_TIME))
                .body("service_requests.request.expected_datetime", emptyString())
                .body("service_requests.request.service_notice", containsString("APPK Art. 64"))
                .body("service_requests.request.agency_responsible", emptyString())
                .body("service_requests.request.media_url", equalTo("https://photos.example.kz/p/1.jpg"))
                .body("service_requests.request.lat", equalTo("43.25"))
                .body("service_requests.request.long", equalTo("76.95"))
                .extract().asString();
        assertFalse(xml.contains(iin) || xml.contains(form.get("phone")) || xml.contains("Айгерім")
                || xml.contains("Сапарова") || xml.contains("aigerim@"), "no personal data in " + xml);

        LocalDate due = LocalDate.now(ZoneOffset.ofHours(5)).plusDays(21);
        recordProgress(id, "ANSWERED", due, "Алаң жөнделді");
        String json = given().header("Accept-Language", "ru").get("/open311/v2/requests/" + id + ".json").then()
                .statusCode(200).contentType("application/json")
                .body("$", hasSize(1))
                .body("[0].status", equalTo("closed"))
                .body("[0].status_notes", equalTo("Алаң жөнделді"))
                .body("[0].agency_responsible", equalTo("Аппарат акима Акбулакского сельского округа"))
                .body("[0].expected_datetime", equalTo(due + "T23:59:59+05:00"))
                .body("[0].service_name", equalTo("Детские площадки"))
                .body("[0].long", equalTo(76.95f))
                .extract().asString();
        assertFalse(json.contains(iin) || json.contains(form.get("phone")) || json.contains("Айгерім"), json);
        given().get("/open311/v2/requests/" + id + ".xml").then()
                .body("service_requests.request.agency_responsible", equalTo("Ақбұлақ ауылдық округі әкімінің аппараты"));

        given().get("/open311/v2/requests/KZ26-9999999-X.xml").then().statusCode(404)
                .body("errors.error.code", equalTo("404"));
        given().get("/open311/v2/requests/KZ26-9999999-X.json").then().statusCode(404)
                .body("[0].code", equalTo(404)).body("[0].description", containsString("KZ26-9999999-X"));
    }

    @Test
    void aTokenIsTheRequestsIdItself() {
        awaitSettlementKnown();
        String id = post("xml", validForm(issueKey("tokens"), SampleCitizens.randomIin(), "yards")).then()
                .statusCode(201).extract().path("service_requests.request.service_request_id");
        given().get("/open311/v2/tokens/" + id + ".xml").then().statusCode(200)
                .body("service_requests.request.service_request_id", equalTo(id))
                .body("service_requests.request.token", equalTo(id));
        given().get("/open311/v2/tokens/" + id + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(id)).body("[0].token", equalTo(id));
        given().get("/open311/v2/tokens/no-such-token.json").then().statusCode(404).body("[0].code", equalTo(404));
        given().get("/open311/v2/tokens/no-such-token.xml").then().statusCode(404)
                .body("errors.error.code", equalTo("404"));
    }

    @Test
    void rejectedRequestsGetTheErrorListAndStoreAndEmitNothing() {
        awaitSettlementKnown();
        String key = issueKey("rejections");
        ValidatableResponse revokedKey = issue("revoked");
        String revoked = revokedKey.extract().path("apiKey");
        given().header("Authorization", ADMIN).delete("/api/v1/admin/open311-keys/" + revokedKey.extract().path("id"))
                .then().statusCode(200);
        String badIin = withWrongCheckDigit(SampleCitizens.randomIin());
        long appeals = count("select count(*) from appeal");
        long events = count("select count(*) from outbox_event");
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE)) {
            Map<String, String> noKey = validForm(key, SampleCitizens.randomIin(), "roads");
            noKey.remove("api_key");
            post("xml", noKey).then().statusCode(403).contentType("text/xml")
                    .body("errors.error.code", equalTo("403"))
                    .body("errors.error.description", containsString("api_key"));
            post("json", noKey).then().statusCode(403).contentType("application/json")
                    .body("[0].code", equalTo(403));
            post("json", validForm("not-a-key", SampleCitizens.randomIin(), "roads")).then().statusCode(403)
                    .body("[0].description", containsString("api_key"));
            post("xml", validForm(revoked, SampleCitizens.randomIin(), "roads")).then().statusCode(403);

            Map<String, String> noService = validForm(key, SampleCitizens.randomIin(), "roads");
            noService.remove("service_code");
            post("xml", noService).then().statusCode(400).contentType("text/xml")
                    .body("errors.error.code.list()", everyItem(equalTo("400")))
                    .body("errors.error.description.list()", hasItem(startsWith("service_code:")));
            post("json", validForm(key, SampleCitizens.randomIin(), "potholes")).then().statusCode(400)
                    .body("description", hasItem(startsWith("service_code:")));

            post("json", validForm(key, badIin, "roads")).then().statusCode(400)
                    .body("[0].code", equalTo(400))
                    .body("description", hasItem(containsString("attribute[iin]")))
                    .body("description", hasItem(containsString("iin-check-digit")));
            Map<String, String> noIin = validForm(key, null, "roads");
            post("xml", noIin).then().statusCode(400)
                    .body("errors.error.description.list()", hasItem(startsWith("attribute[iin]: required")));

            Map<String, String> nowhere = validForm(key, SampleCitizens.randomIin(), "roads");
            nowhere.remove("lat");
            nowhere.remove("long");
            post("xml", nowhere).then().statusCode(400)
                    .body("errors.error.description.list()", hasItem(startsWith("lat/long, address_string or address_id")));
            Map<String, String> halfCoordinates = validForm(key, SampleCitizens.randomIin(), "roads");
            halfCoordinates.remove("long");
            post("json", halfCoordinates).then().statusCode(400);

            Map<String, String> badPhone = validForm(key, SampleCitizens.randomIin(), "roads");
            badPhone.put("phone", "8 701 123 45 67");
            post("json", badPhone).then().statusCode(400)
                    .body("description", hasItem(startsWith("phone: must be +7 followed by 10 digits")));

            Map<String, String> several = validForm(key, badIin, "roads");
            several.put("lat", "north");
            several.put("attribute[language]", "de");
            several.put("media_url", "ftp://photos/1.jpg");
            several.remove("first_name");
            several.remove("last_name");
            post("json", several).then().statusCode(400)
                    .body("description", hasItem(startsWith("lat:")))
                    .body("description", hasItem(startsWith("attribute[language]:")))
                    .body("description", hasItem(startsWith("media_url:")))
                    .body("description", hasItem(startsWith("first_name/last_name:")));

            Map<String, String> noDefect = validForm(key, SampleCitizens.randomIin(), "roads");
            noDefect.remove("attribute[defect]");
            post("json", noDefect).then().statusCode(400)
                    .body("description", hasItem(allOf(startsWith("attribute[defect]:"), endsWith("(required)"))));

            Map<String, String> unknownKato = validForm(key, SampleCitizens.randomIin(), "roads");
            unknownKato.put("address_id", "991099999");
            post("xml", unknownKato).then().statusCode(400)
                    .body("errors.error.description.list()", hasItem(startsWith("address_id:")));

            assertTrue(intake.collect(Duration.ofSeconds(2)).stream()
                    .noneMatch(record -> record.value().contains(badIin)), "nothing published");
        }
        assertEquals(appeals, count("select count(*) from appeal"));
        assertEquals(events, count("select count(*) from outbox_event"));
    }

    @Test
    void searchDefaultsToTheLastNinetyDaysAndFilters() {
        awaitSettlementKnown();
        forgetEarlierClones();
        String key = issueKey("search");
        String recent = post("json", validForm(key, SampleCitizens.randomIin(), "lighting")).then().statusCode(201)
                .extract().path("[0].service_request_id");
        Instant now = Instant.now();
        String day89 = cloneAppeal(recent, "lighting", now.minus(89, ChronoUnit.DAYS));
        String day91 = cloneAppeal(recent, "lighting", now.minus(91, ChronoUnit.DAYS));
        recordProgress(day89, "RATED", LocalDate.now(), "Шам ауыстырылды");

        given().get("/open311/v2/requests.json?service_code=lighting").then().statusCode(200)
                .body("service_request_id", hasItem(recent))
                .body("service_request_id", hasItem(day89))
                .body("service_request_id", not(hasItem(day91)))
                .body("service_code", everyItem(equalTo("lighting")));
        given().get("/open311/v2/requests.xml?service_code=lighting").then().statusCode(200)
                .body("service_requests.request.service_request_id", hasItem(day89))
                .body("service_requests.request.service_request_id", not(hasItem(day91)));

        String from = OffsetDateTime.ofInstant(now.minus(95, ChronoUnit.DAYS), ZoneOffset.ofHours(5)).toString();
        String to = OffsetDateTime.ofInstant(now.minus(10, ChronoUnit.DAYS), ZoneOffset.ofHours(5)).toString();
        given().queryParam("service_code", "lighting,yards").queryParam("start_date", from).queryParam("end_date", to)
                .get("/open311/v2/requests.json").then().statusCode(200)
                .body("service_request_id", containsInAnyOrder(day89, day91));
        given().queryParam("service_code", "lighting").queryParam("end_date", to).queryParam("status", "closed")
                .get("/open311/v2/requests.xml").then().statusCode(200)
                .body("service_requests.request.service_request_id", equalTo(day89))
                .body("service_requests.request.status", equalTo("closed"));
        given().queryParam("service_code", "lighting").queryParam("status", "open")
                .get("/open311/v2/requests.json").then().statusCode(200)
                .body("service_request_id", hasItem(recent))
                .body("service_request_id", not(hasItem(day89)))
                .body("status", everyItem(equalTo("open")));
        given().get("/open311/v2/requests.json?service_code=yards&service_code=lighting&status=open&status=closed")
                .then().statusCode(200)
                .body("service_request_id", hasItem(recent)).body("service_request_id", hasItem(day89));
        given().queryParam("service_request_id", day91 + "," + recent).queryParam("service_code", "roads")
                .get("/open311/v2/requests.json").then().statusCode(200)
                .body("service_request_id", contains(recent, day91));

        given().queryParam("start_date", from).queryParam("end_date", OffsetDateTime.now().toString())
                .get("/open311/v2/requests.xml").then().statusCode(400)
                .body("errors.error.description", containsString("90 days"));
        given().queryParam("start_date", to).queryParam("end_date", from)
                .get("/open311/v2/requests.json").then().statusCode(400);
        given().queryParam("start_date", "yesterday").queryParam("status", "pending").queryParam("service_code", "x")
                .get("/open311/v2/requests.json").then().statusCode(400)
                .body("description", hasItem(startsWith("start_date:")))
                .body("description", hasItem(startsWith("status:")))
                .body("description", hasItem(startsWith("service_code:")));
        given().get("/open311/v2/requests.json?start_date=2020-01-01&service_code=lighting").then().statusCode(200)
                .body("service_request_id", hasItems(recent, day89, day91));
        given().queryParam("end_date", to).queryParam("service_code", "lighting").get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", hasItems(day89, day91))
                .body("service_request_id", not(hasItem(recent)));
    }

    @Test
    void searchReturnsAtMostAThousandNewestFirst() {
        awaitSettlementKnown();
        forgetEarlierClones();
        String base = post("xml", validForm(issueKey("bulk"), SampleCitizens.randomIin(), "waste")).then()
                .statusCode(201).extract().path("service_requests.request.service_request_id");
        Instant newest = Instant.now().plusSeconds(-1);
        // an earlier run's waste appeals on the same database move out of the window this test reads
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update appeal set registered_at"
                        + " = registered_at - interval '400 days' where category_code = 'waste' and receipt_number <> ?1")
                .setParameter(1, base).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into appeal
                        select (jsonb_populate_record(a, jsonb_build_object(
                            'id', gen_random_uuid(),
                            'receipt_number', 'T311-' || lpad(g::text, 6, '0') || '-' || substr(md5(random()::text), 1, 8),
                            'registered_at', cast(?1 as timestamptz) - make_interval(mins => g)))).*
                        from appeal a, generate_series(1, 1000) g where a.receipt_number = ?2""")
                .setParameter(1, newest.toString()).setParameter(2, base).executeUpdate());

        given().get("/open311/v2/requests.json?service_code=waste").then().statusCode(200)
                .body("$", hasSize(1000))
                .body("[0].service_request_id", equalTo(base))
                .body("[1].service_request_id", startsWith("T311-000001-"))
                .body("[999].service_request_id", startsWith("T311-000999-"));
        given().get("/open311/v2/requests.xml?service_code=waste").then().statusCode(200)
                .body("service_requests.request.size()", equalTo(1000));
    }

    @Test
    void onlyAdministratorsManageKeysAndOnlyTheirHashIsStored() {
        given().contentType(ContentType.JSON).body("{\"clientName\":\"x\"}").post("/api/v1/admin/open311-keys")
                .then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.FRONTEND))).contentType(ContentType.JSON)
                .body("{\"clientName\":\"x\"}").post("/api/v1/admin/open311-keys").then().statusCode(403);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"clientName\":\" \"}")
                .post("/api/v1/admin/open311-keys").then().statusCode(400)
                .body("errors.field", hasItem("clientName"));

        ValidatableResponse issued = issue("SeeClickFix")
                .header("Location", containsString("/api/v1/admin/open311-keys/"))
                .body("clientName", equalTo("SeeClickFix"));
        String apiKey = issued.extract().path("apiKey");
        String id = issued.extract().path("id");
        assertTrue(apiKey.length() >= 40, apiKey);
        assertEquals(0L, count("select count(*) from open311_api_key where key_hash = '" + apiKey + "'"
                + " or client_name = '" + apiKey + "'"));

        given().header("Authorization", ADMIN).get("/api/v1/admin/open311-keys").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.clientName", equalTo("SeeClickFix"))
                .body("find { it.id == '" + id + "' }.issuedBy", equalTo("admin-test-account"))
                .body("find { it.id == '" + id + "' }.revokedAt", nullValue())
                .body("find { it.id == '" + id + "' }.apiKey", nullValue());
        given().header("Authorization", ADMIN).delete("/api/v1/admin/open311-keys/" + id).then().statusCode(200)
                .body("revokedBy", equalTo("admin-test-account"))
                .body("revokedAt", not(nullValue()));
        given().header("Authorization", ADMIN).delete("/api/v1/admin/open311-keys/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> submittedWith(String receipt) {
        return record -> EventType.SUBMITTED.wireName().equals(KafkaProbe.header(record, CloudEventHeaders.TYPE))
                && record.value().contains(receipt);
    }

    private static String withWrongCheckDigit(String iin) {
        return iin.substring(0, 11) + (char) ('0' + (iin.charAt(11) - '0' + 1) % 10);
    }

    /** What the lifecycle consumer writes once a body has the appeal (its table, its columns of V2), or overwrites. */
    private void recordProgress(String receipt, String status, LocalDate due, String notes) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into appeal_progress (appeal_id, status, body_code, body_name_kk, body_name_ru, due_on,
                                                     status_notes, updated_at)
                        select id, ?1, '991021000', 'Ақбұлақ ауылдық округі әкімінің аппараты',
                               'Аппарат акима Акбулакского сельского округа', ?2, ?3, now()
                        from appeal where receipt_number = ?4
                        on conflict (appeal_id) do update set status = excluded.status,
                            body_code = excluded.body_code, body_name_kk = excluded.body_name_kk,
                            body_name_ru = excluded.body_name_ru, due_on = excluded.due_on,
                            status_notes = excluded.status_notes, updated_at = excluded.updated_at""")
                .setParameter(1, status).setParameter(2, due).setParameter(3, notes).setParameter(4, receipt)
                .executeUpdate());
    }

    /** A step of the citizen's timeline, as intake's lifecycle consumer records it; returns its event id. */
    private String recordStep(String receipt, String kind, String text) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into appeal_step (event_id, appeal_id, kind, occurred_at, text)
                        select ?1, id, ?2, now(), ?3 from appeal where receipt_number = ?4""")
                .setParameter(1, eventId).setParameter(2, kind).setParameter(3, text).setParameter(4, receipt)
                .executeUpdate());
        return eventId.toString();
    }

    /** The copies an earlier run on the same database left, so that the searches see only this run's. */
    private void forgetEarlierClones() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from appeal_progress where appeal_id in "
                    + "(select id from appeal where receipt_number like 'T311-%')").executeUpdate();
            entityManager.createNativeQuery("delete from appeal where receipt_number like 'T311-%'").executeUpdate();
        });
    }

    /** A copy of an appeal registered at another time, whatever columns the appeal table has. */
    private String cloneAppeal(String receipt, String category, Instant registeredAt) {
        String copy = "T311-" + UUID.randomUUID().toString().substring(0, 13);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into appeal
                        select (jsonb_populate_record(a, jsonb_build_object('id', gen_random_uuid(),
                            'receipt_number', ?1, 'category_code', ?2, 'registered_at', ?3))).*
                        from appeal a where a.receipt_number = ?4""")
                .setParameter(1, copy).setParameter(2, category).setParameter(3, registeredAt.toString())
                .setParameter(4, receipt).executeUpdate());
        return copy;
    }

    private void awaitSettlementKnown() {
        eventually(() -> assertEquals(1L, count("select count(*) from known_settlement where kato_code = '" + KATO + "'")));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
