package kz.appeals.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One body, one code: the same form on every topic, whichever service publishes it (issue 22, item 3). */
class BodyCodeTest {

    @Test
    void theSchemaAndTheJavaTypeHoldTheSamePattern() {
        assertEquals(BodyCode.PATTERN,
                Resources.json("schemas/common.schema.json").path("$defs").path("BodyCode").path("pattern").asText());
    }

    @Test
    void everyProducersFormIsTheOneForm() {
        assertEquals("rural-akim:991021000", BodyCode.ruralAkim("991021000"));
        assertEquals("district:akimat:991000000", BodyCode.akimat(BodyLevel.DISTRICT_AKIMAT, "991000000"));
        assertEquals("region:akimat:990000000", BodyCode.akimat(BodyLevel.REGION_AKIMAT, "990000000"));
        assertEquals("utility:power-grid:990000000",
                BodyCode.territorial(BodyLevel.UTILITY, "power-grid", "990000000"));
        assertEquals("agency:police", BodyCode.agency("police"));
        assertTrue(BodyCode.isValid(BodyCode.PRESIDENTIAL_ADMINISTRATION));
        // the forms escalation and test fixtures used before
        for (String other : List.of("district-akimat:991000000", "region-akimat:990000000", "RD-991021000",
                "akim-991021000", "rural-akim:99102100", "district:Akimat:991000000")) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Body(other, BodyLevel.DISTRICT_AKIMAT, "991000000", "Аудан әкімдігі", "Акимат района"),
                    other);
        }
    }

    /**
     * Across every event type's example, a body (its level and territory) has one code, and a code names one body
     * with one name; a bare {@code bodyCode} is always a code some example's body carries.
     */
    @Test
    void everyExampleUsesTheSameCodeForTheSameBody() {
        Map<String, String> codeByBody = new HashMap<>();
        Map<String, String> bodyByCode = new HashMap<>();
        List<String> bareCodes = new ArrayList<>();
        for (EventType type : EventType.values()) {
            collect(Resources.json(Resources.examplePath(type)), type, codeByBody, bodyByCode, bareCodes);
        }
        assertTrue(bodyByCode.keySet().containsAll(List.of("rural-akim:194230000", "district:akimat:194200000",
                "region:akimat:190000000")), bodyByCode.keySet().toString());
        bareCodes.forEach(code -> assertTrue(bodyByCode.containsKey(code), code + " names no body of any example"));
    }

    private static void collect(JsonNode node, EventType type, Map<String, String> codeByBody,
                                Map<String, String> bodyByCode, List<String> bareCodes) {
        if (node.isObject()) {
            if (node.has("code") && node.has("level")) {
                String code = node.get("code").asText();
                assertTrue(BodyCode.isValid(code), type + ": " + code);
                String body = node.get("level").asText() + " " + node.path("katoCode").asText();
                String named = body + " " + node.path("nameKk").asText() + " / " + node.path("nameRu").asText();
                String known = codeByBody.putIfAbsent(body, code);
                assertEquals(known == null ? code : known, code, type + ": " + body + " has two codes");
                String knownName = bodyByCode.putIfAbsent(code, named);
                assertEquals(knownName == null ? named : knownName, named, type + ": " + code + " names two bodies");
            }
            node.fields().forEachRemaining(field -> {
                if (field.getKey().endsWith("odyCode") && field.getValue().isTextual()) {
                    assertTrue(BodyCode.isValid(field.getValue().asText()), type + ": " + field.getValue());
                    bareCodes.add(field.getValue().asText());
                }
                collect(field.getValue(), type, codeByBody, bodyByCode, bareCodes);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, type, codeByBody, bodyByCode, bareCodes));
        }
    }
}
