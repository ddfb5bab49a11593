package kz.appeals.intake.open311.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.testing.SampleCitizens;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static kz.appeals.intake.open311.api.Open311Client.issueKey;
import static kz.appeals.intake.open311.api.Open311Client.post;
import static kz.appeals.intake.open311.api.Open311Client.validForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GeoReport v2 (wiki.open311.org/GeoReport_v2), method by method, in XML and in JSON: every answer's elements are
 * the ones the specification names, written down here from the specification rather than taken from our own views,
 * every XML answer goes through a real XML parser (DOCTYPEs refused), and both formats of one call carry the same
 * data. Errors are the specification's list of {@code code} and {@code description}.
 */
@QuarkusTest
class GeoReportConformanceTest {

    private static final List<String> DISCOVERY = List.of("changeset", "contact", "key_service", "endpoints");
    private static final List<String> ENDPOINT = List.of("specification", "url", "changeset", "type", "formats");
    private static final List<String> SERVICE = List.of("service_code", "service_name", "description", "metadata",
            "type", "keywords", "group");
    private static final List<String> DEFINITION = List.of("service_code", "attributes");
    private static final List<String> ATTRIBUTE = List.of("variable", "code", "datatype", "required",
            "datatype_description", "order", "description", "values");
    private static final List<String> CREATED = List.of("service_request_id", "service_notice", "account_id");
    private static final List<String> REQUEST = List.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");
    private static final List<String> TOKEN = List.of("service_request_id", "token");
    private static final List<String> ERROR = List.of("code", "description");
    private static final Set<String> DATATYPES = Set.of("string", "number", "datetime", "text", "singlevaluelist",
            "multivaluelist");
    private static final Set<String> STATUSES = Set.of("open", "closed");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IntakeFixtures fixtures;

    @Test
    void discovery() throws Exception {
        Element xml = xml(given().get("/open311/v2/discovery.xml"), 200, "discovery");
        assertEquals(DISCOVERY, childNames(xml));
        for (Element endpoint : children(child(xml, "endpoints"), "endpoint")) {
            assertEquals(ENDPOINT, childNames(endpoint));
            assertEquals(List.of("text/xml", "application/json"), texts(child(endpoint, "formats"), "format"));
        }
        JsonNode json = json(given().get("/open311/v2/discovery.json"), 200);
        assertEquals(DISCOVERY, fieldNames(json));
        json.get("endpoints").forEach(endpoint -> assertEquals(ENDPOINT, fieldNames(endpoint)));
        assertEquals(text(xml, "changeset"), json.get("changeset").asText());
    }

    @Test
    void serviceList() throws Exception {
        Element xml = xml(given().get("/open311/v2/services.xml"), 200, "services");
        List<Element> services = children(xml, "service");
        assertFalse(services.isEmpty());
        for (Element service : services) {
            assertEquals(SERVICE, childNames(service));
            assertTrue(Set.of("realtime", "batch", "blackbox").contains(text(service, "type")), text(service, "type"));
            assertTrue(Set.of("true", "false").contains(text(service, "metadata")));
        }
        JsonNode json = json(given().get("/open311/v2/services.json"), 200);
        assertEquals(services.size(), json.size());
        json.forEach(service -> assertEquals(SERVICE, fieldNames(service)));
        assertEquals(services.stream().map(service -> text(service, "service_code")).toList(),
                values(json, "service_code"));
    }

    @Test
    void serviceDefinitionOfEveryService() throws Exception {
        JsonNode services = json(given().get("/open311/v2/services.json"), 200);
        for (JsonNode service : services) {
            String code = service.get("service_code").asText();
            Element xml = xml(given().get("/open311/v2/services/" + code + ".xml"), 200, "service_definition");
            assertEquals(DEFINITION, childNames(xml));
            assertEquals(code, text(xml, "service_code"));
            List<Element> attributes = children(child(xml, "attributes"), "attribute");
            for (Element attribute : attributes) {
                assertEquals(ATTRIBUTE, childNames(attribute), code);
                String datatype = text(attribute, "datatype");
                assertTrue(DATATYPES.contains(datatype), code + ": " + datatype);
                List<Element> values = children(child(attribute, "values"), "value");
                assertEquals(datatype.endsWith("valuelist"), !values.isEmpty(),
                        code + "." + text(attribute, "code") + ": a list has values, nothing else has");
                values.forEach(value -> assertEquals(List.of("key", "name"), childNames(value)));
            }
            JsonNode json = json(given().get("/open311/v2/services/" + code + ".json"), 200);
            assertEquals(DEFINITION, fieldNames(json));
            json.get("attributes").forEach(attribute -> assertEquals(ATTRIBUTE, fieldNames(attribute)));
            assertEquals(attributes.stream().map(attribute -> text(attribute, "code")).toList(),
                    values(json.get("attributes"), "code"));
        }
    }

    @Test
    void postServiceRequestThenGetItAndItsToken() throws Exception {
        fixtures.sampleSettlementKnown();
        String key = issueKey("conformance");
        Element created = xml(post("xml", validForm(key, SampleCitizens.randomIin(), "lighting")), 201,
                "service_requests");
        Element request = single(children(created, "request"));
        assertEquals(CREATED, childNames(request));
        String fromXml = text(request, "service_request_id");

        JsonNode createdJson = json(post("json", validForm(key, SampleCitizens.randomIin(), "lighting")), 201);
        assertEquals(1, createdJson.size());
        assertEquals(CREATED, fieldNames(createdJson.get(0)));
        String fromJson = createdJson.get(0).get("service_request_id").asText();

        for (String id : List.of(fromXml, fromJson)) {
            Element one = single(children(xml(given().get("/open311/v2/requests/" + id + ".xml"), 200,
                    "service_requests"), "request"));
            assertEquals(REQUEST, childNames(one));
            assertWellFormedRequest(one);
            JsonNode oneJson = json(given().get("/open311/v2/requests/" + id + ".json"), 200);
            assertEquals(1, oneJson.size());
            assertEquals(REQUEST, fieldNames(oneJson.get(0)));
            for (String field : REQUEST) {
                String asXml = text(one, field);
                JsonNode asJson = oneJson.get(0).get(field);
                assertEquals(asXml, asJson.isNull() ? "" : asJson.asText(), id + " " + field);
            }

            Element token = single(children(xml(given().get("/open311/v2/tokens/" + id + ".xml"), 200,
                    "service_requests"), "request"));
            assertEquals(TOKEN, childNames(token));
            assertEquals(id, text(token, "service_request_id"));
            JsonNode tokenJson = json(given().get("/open311/v2/tokens/" + id + ".json"), 200);
            assertEquals(TOKEN, fieldNames(tokenJson.get(0)));
        }
    }

    @Test
    void getServiceRequestsWithEveryFilter() throws Exception {
        fixtures.sampleSettlementKnown();
        String key = issueKey("conformance filters");
        String lighting = json(post("json", validForm(key, SampleCitizens.randomIin(), "lighting")), 201)
                .get(0).get("service_request_id").asText();
        String waste = json(post("json", validForm(key, SampleCitizens.randomIin(), "waste")), 201)
                .get(0).get("service_request_id").asText();
        String hour = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).minusHours(1));
        String later = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).plusHours(1));

        Map<String, List<String>> queries = Map.of(
                "service_request_id=" + lighting + "," + waste, List.of(lighting, waste),
                "service_code=waste&start_date=" + enc(hour), List.of(waste),
                "start_date=" + enc(hour) + "&end_date=" + enc(later), List.of(lighting, waste),
                "status=open&start_date=" + enc(hour), List.of(lighting, waste),
                // "This overrides all other arguments" (the specification, on service_request_id)
                "status=closed&service_request_id=" + lighting, List.of(lighting),
                "jurisdiction_id=kz&service_request_id=" + waste, List.of(waste));
        for (Map.Entry<String, List<String>> query : queries.entrySet()) {
            List<Element> requests = children(xml(given().urlEncodingEnabled(false)
                    .get("/open311/v2/requests.xml?" + query.getKey()), 200, "service_requests"), "request");
            requests.forEach(request -> {
                assertEquals(REQUEST, childNames(request), query.getKey());
                assertWellFormedRequest(request);
            });
            List<String> xmlIds = requests.stream().map(request -> text(request, "service_request_id")).toList();
            JsonNode json = json(given().urlEncodingEnabled(false)
                    .get("/open311/v2/requests.json?" + query.getKey()), 200);
            json.forEach(request -> assertEquals(REQUEST, fieldNames(request), query.getKey()));
            assertEquals(xmlIds, values(json, "service_request_id"), query.getKey() + ": the same in both formats");
            assertTrue(xmlIds.containsAll(query.getValue()), query.getKey() + " lists " + query.getValue() + ": " + xmlIds);
            if (query.getKey().startsWith("service_code=waste")) {
                requests.forEach(request -> assertEquals("waste", text(request, "service_code")));
            }
            if (query.getKey().contains("service_request_id=")) {
                assertEquals(Set.copyOf(query.getValue()), Set.copyOf(xmlIds), query.getKey());
            }
            if (query.getKey().startsWith("status=open")) {
                requests.forEach(request -> assertEquals("open", text(request, "status")));
            }
        }
    }

    @Test
    void errorsAreTheSpecificationsListInBothFormats() throws Exception {
        fixtures.sampleSettlementKnown();
        Map<String, String> noService = validForm(issueKey("conformance errors"), SampleCitizens.randomIin(), "roads");
        noService.remove("service_code");
        Map<String, String> badKey = validForm("not-a-key", SampleCitizens.randomIin(), "roads");
        for (String format : List.of("xml", "json")) {
            assertErrors(post(format, noService), 400, format);
            assertErrors(post(format, badKey), 403, format);
            assertErrors(given().get("/open311/v2/requests/KZ26-9999999-X." + format), 404, format);
            assertErrors(given().get("/open311/v2/services/no-such-service." + format), 404, format);
            assertErrors(given().get("/open311/v2/requests." + format + "?start_date=yesterday"), 400, format);
        }
    }

    private static void assertErrors(Response response, int status, String format) throws Exception {
        if (format.equals("xml")) {
            List<Element> errors = children(xml(response, status, "errors"), "error");
            assertFalse(errors.isEmpty());
            for (Element error : errors) {
                assertEquals(ERROR, childNames(error));
                assertEquals(Integer.toString(status), text(error, "code"));
                assertFalse(text(error, "description").isBlank());
            }
        } else {
            JsonNode errors = json(response, status);
            assertTrue(errors.isArray() && !errors.isEmpty(), errors.toString());
            for (JsonNode error : errors) {
                assertEquals(ERROR, fieldNames(error));
                assertEquals(status, error.get("code").asInt());
                assertFalse(error.get("description").asText().isBlank());
            }
        }
    }

    private static void assertWellFormedRequest(Element request) {
        assertTrue(STATUSES.contains(text(request, "status")), text(request, "status"));
        for (String time : List.of("requested_datetime", "updated_datetime", "expected_datetime")) {
            String value = text(request, time);
            if (!value.isEmpty()) {
                OffsetDateTime.parse(value); // W3C date-time, with its offset
            }
        }
        for (String coordinate : List.of("lat", "long")) {
            String value = text(request, coordinate);
            if (!value.isEmpty()) {
                Double.parseDouble(value);
            }
        }
    }

    /** The answer parsed by the JDK's XML parser with DOCTYPEs refused: well-formed or the test fails. */
    private static Element xml(Response response, int status, String root) throws Exception {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("text/xml"), response.contentType());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        assertEquals(root, document.getDocumentElement().getTagName());
        return document.getDocumentElement();
    }

    private static JsonNode json(Response response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        return JSON.readTree(response.asByteArray());
    }

    private static List<String> childNames(Element element) {
        List<String> names = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                names.add(child.getTagName());
            }
        }
        return names;
    }

    private static List<Element> children(Element element, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                assertEquals(name, child.getTagName(), "inside " + element.getTagName());
                found.add(child);
            }
        }
        return found;
    }

    private static Element child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child;
            }
        }
        throw new AssertionError(element.getTagName() + " has no " + name);
    }

    private static String text(Element element, String name) {
        return child(element, name).getTextContent();
    }

    private static List<String> texts(Element element, String name) {
        return children(element, name).stream().map(Node::getTextContent).toList();
    }

    private static Element single(List<Element> elements) {
        assertEquals(1, elements.size());
        return elements.get(0);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
            names.add(fields.next());
        }
        return names;
    }

    private static List<String> values(JsonNode array, String field) {
        Set<String> ordered = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        array.forEach(item -> {
            ordered.add(item.get(field).asText());
            all.add(item.get(field).asText());
        });
        assertEquals(ordered.size(), all.size(), field + " repeats");
        return all;
    }

    private static String enc(String value) {
        return value.replace("+", "%2B").replace(":", "%3A");
    }
}
