package kz.appeals.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type is published with a schema and an example, and the example is what the records produce. */
class ExamplesTest {

    private static final ObjectMapper MAPPER = ContractJson.mapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeHasASchemaAndAnExample(EventType type) {
        assertTrue(Resources.exists(Resources.schemaPath(type)), "missing " + Resources.schemaPath(type));
        assertTrue(Resources.exists(Resources.examplePath(type)), "missing " + Resources.examplePath(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsIdentifiedAndDocumented(EventType type) {
        JsonNode schema = Resources.json(Resources.schemaPath(type));
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals(ContractValidator.schemaId(type), schema.path("$id").asText());
        assertFalse(schema.path("title").asText().isBlank(), "title");
        String description = schema.path("description").asText();
        assertTrue(description.contains(type.wireName()), "description names the CloudEvents type");
        assertTrue(description.contains(type.topic()), "description names the topic");
        assertEquals("object", schema.path("type").asText());
        // Consumers must accept fields added within a version.
        assertTrue(schema.path("additionalProperties").asBoolean(false), "additionalProperties must be true");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleIsValid(EventType type) {
        assertEquals(List.of(), ContractValidator.violations(type, Resources.example(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleRoundTripsThroughItsRecord(EventType type) throws Exception {
        String example = Resources.example(type);
        ContractEvent event = MAPPER.readValue(example, type.dataType());
        String reserialised = MAPPER.writeValueAsString(event);

        assertEquals(List.of(), ContractValidator.violations(type, reserialised));
        ContractValidator.assertValid(event);
        // The schema is open, so a misspelt optional field in an example would still validate: the record would
        // drop it, and this comparison catches that.
        assertEquals(MAPPER.readTree(example), MAPPER.readTree(reserialised));
    }

    @Test
    void everySchemaIsAValidDraft202012Schema() throws Exception {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String file : filesIn("schemas")) {
            assertEquals(Set.of(), metaSchema.validate(Resources.json("schemas/" + file)), file);
        }
    }

    @Test
    void noSchemaOrExampleWithoutAnEventType() throws Exception {
        Set<String> names = Arrays.stream(EventType.values()).map(EventType::resourceName).collect(Collectors.toSet());
        Set<String> expectedSchemas = new TreeSet<>(names.stream().map(n -> n + ".schema.json").toList());
        expectedSchemas.add("common.schema.json");
        assertEquals(expectedSchemas, filesIn("schemas"));
        assertEquals(new TreeSet<>(names.stream().map(n -> n + ".json").toList()), filesIn("examples"));
    }

    private static Set<String> filesIn(String folder) throws URISyntaxException {
        File dir = new File(ExamplesTest.class.getClassLoader().getResource(folder).toURI());
        return new TreeSet<>(Arrays.asList(dir.list()));
    }
}
