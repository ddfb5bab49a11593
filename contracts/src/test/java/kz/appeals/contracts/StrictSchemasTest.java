package kz.appeals.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every schema compiles under a strict 2020-12 validator (issue 22, item 4). The validator this module uses has no
 * strict mode, so this checks what Ajv's strictRequired does: Ajv compiles the applicators (if/then/else, allOf,
 * anyOf, oneOf, not) before the object keywords of the same schema, so a {@code required} name counts as defined
 * only in the {@code properties} of the very schema object that requires it. An undefined name usually means a typo
 * that no instance would ever reveal.
 */
class StrictSchemasTest {

    @Test
    void everyRequiredNameIsDefinedBesideIt() throws Exception {
        File folder = new File(Objects.requireNonNull(getClass().getClassLoader().getResource("schemas")).toURI());
        List<String> undefined = new ArrayList<>();
        for (String file : Objects.requireNonNull(folder.list())) {
            check(Resources.json("schemas/" + file), file + "#", undefined);
        }
        assertEquals(List.of(), undefined);
    }

    @Test
    void theCheckFindsWhatAjvReported() {
        List<String> undefined = new ArrayList<>();
        check(ContractJson.mapper().valueToTree(Map.of("properties", Map.of("a", true),
                "then", Map.of("required", List.of("a")))), "#", undefined);
        assertEquals(List.of("required property \"a\" is not defined at #/then"), undefined);
    }

    private static void check(JsonNode schema, String path, List<String> undefined) {
        if (schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                check(schema.get(i), path + "/" + i, undefined);
            }
            return;
        }
        if (!schema.isObject()) {
            return;
        }
        JsonNode properties = schema.path("properties");
        schema.path("required").forEach(name -> {
            if (!properties.has(name.asText())) {
                undefined.add("required property \"" + name.asText() + "\" is not defined at " + path);
            }
        });
        schema.fields().forEachRemaining(field -> {
            // values of these keywords are data (names, enum members, examples), not schemas
            if (!List.of("required", "enum", "const", "examples", "default").contains(field.getKey())) {
                check(field.getValue(), path + "/" + field.getKey(), undefined);
            }
        });
    }
}
