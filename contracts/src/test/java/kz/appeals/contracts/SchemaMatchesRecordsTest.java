package kz.appeals.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import kz.appeals.contracts.Resources.Located;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The schemas and the records are two spellings of one contract: same fields, same JSON types, same enum values.
 * Nested records (Body, Location) are followed into the shared definitions.
 */
class SchemaMatchesRecordsTest {

    /** JSON type and format of each Java type the records use (enums and records are handled separately). */
    private static final Map<Class<?>, List<String>> JSON_TYPES = Map.of(
            UUID.class, List.of("string", "uuid"),
            Instant.class, List.of("string", "date-time"),
            LocalDate.class, List.of("string", "date"),
            String.class, List.of("string", ""),
            boolean.class, List.of("boolean", ""),
            int.class, List.of("integer", ""),
            Integer.class, List.of("integer", ""),
            Double.class, List.of("number", ""),
            double.class, List.of("number", ""));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyTheRecord(EventType type) {
        assertObjectMatches(type.dataType(), Resources.schema(type), type.resourceName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void identityAndTimeAreAlwaysRequired(EventType type) {
        Set<String> required = required(Resources.schema(type).node());
        assertTrue(required.contains("occurredAt"), "occurredAt");
        String subject = switch (type) {
            case SETTLEMENT_PUBLISHED, TERRITORIAL_UNIT_PUBLISHED -> "katoCode";
            case CALENDAR_YEAR_PUBLISHED -> "year";
            default -> "appealId";
        };
        assertTrue(required.contains(subject), "subject");
    }

    private static void assertObjectMatches(Class<?> record, Located schemaOrRef, String where) {
        Located located = Resources.resolve(schemaOrRef);
        JsonNode schema = located.node();
        assertEquals("object", schema.path("type").asText(), where + ": type");
        assertTrue(schema.path("additionalProperties").asBoolean(false), where + ": additionalProperties must be true");

        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertEquals(components, properties, where + ": schema properties must be the record components, in order");

        Set<String> required = required(schema);
        assertTrue(properties.containsAll(required), where + ": required names unknown properties " + required);
        for (RecordComponent component : record.getRecordComponents()) {
            String path = where + "." + component.getName();
            if (component.getType().isPrimitive()) {
                // A record cannot hold null there, and the mapper refuses to invent a value.
                assertTrue(required.contains(component.getName()), path + ": primitives must be required");
            }
            Located property = new Located(located.file(), schema.path("properties").get(component.getName()));
            if (component.getType() == List.class) {
                assertListMatches(component, property, path);
            } else {
                assertTypeMatches(component.getType(), property, path);
            }
        }
    }

    /** A list of records is a JSON array whose items describe the element record. */
    private static void assertListMatches(RecordComponent component, Located propertyOrRef, String where) {
        Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        Located array = Resources.resolve(propertyOrRef);
        assertEquals("array", array.node().path("type").asText(), where + ": type");
        assertTrue(array.node().has("maxItems"), where + ": array without maxItems");
        assertTypeMatches(element, new Located(array.file(), array.node().path("items")), where + "[]");
    }

    private static void assertTypeMatches(Class<?> javaType, Located propertyOrRef, String where) {
        if (javaType.isRecord()) {
            assertObjectMatches(javaType, propertyOrRef, where);
            return;
        }
        JsonNode property = Resources.resolve(propertyOrRef).node();
        if (javaType.isEnum()) {
            assertEquals("string", property.path("type").asText(), where + ": type");
            List<String> constants = Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            List<String> values = new ArrayList<>();
            property.path("enum").forEach(v -> values.add(v.asText()));
            assertEquals(constants, values, where + ": enum values");
            return;
        }
        List<String> expected = JSON_TYPES.get(javaType);
        if (expected == null) {
            fail(where + ": no JSON mapping known for " + javaType.getName() + "; extend this test with the contract");
        }
        assertEquals(expected.get(0), property.path("type").asText(), where + ": type");
        assertEquals(expected.get(1), property.path("format").asText(), where + ": format");
        if (javaType == String.class) {
            // Free text on a public topic needs a bound that consumers can size their storage for.
            assertTrue(property.has("maxLength") || property.has("pattern"), where + ": string without maxLength");
        }
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }
}
