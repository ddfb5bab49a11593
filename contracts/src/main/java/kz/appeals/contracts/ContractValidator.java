package kz.appeals.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import com.networknt.schema.resource.InputStreamSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks event data against the published JSON Schemas. Producers call it in their tests on what they emit;
 * consumers call it before reading a record, so a contract breach is reported with its field instead of surfacing
 * later as a null.
 *
 * <pre>{@code
 * List<String> problems = ContractValidator.violations(EventType.SUBMITTED, json); // empty = valid
 * ContractValidator.assertValid(event);                                          // throws with every problem
 * }</pre>
 */
public final class ContractValidator {

    /** Prefix of every schema's {@code $id}; the part after it is the file name under {@code schemas/}. */
    public static final String SCHEMA_BASE = "https://appeals.kz/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders
                    .add(ContractValidator::fromContractsJar)
                    // Anything other than the validator's bundled meta-schemas is refused, never fetched:
                    // validation must not depend on the network, nor on whoever serves appeals.kz.
                    .add(new AllowSchemaLoader(iri -> "classpath".equals(iri.getScheme())))));

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            // Draft 2020-12 treats "format" as an annotation by default; ids and dates must really be checked.
            .formatAssertionsEnabled(true)
            // Messages end up in logs and dead-letter reasons: keep them in one language whatever the host locale.
            .locale(Locale.ENGLISH)
            // "$.location.katoCode" reads better in a log line than the JSON pointer "/location/katoCode".
            .pathType(PathType.LEGACY)
            .build();

    private static final ObjectReader STRICT_READER = ContractJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Map<EventType, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    /** The {@code $id} of the type's schema, also sent as the CloudEvents {@code dataschema}. */
    public static String schemaId(EventType type) {
        return SCHEMA_BASE + type.resourceName() + ".schema.json";
    }

    /**
     * @return one readable line per violation, each naming the field (e.g. {@code $.location.katoCode: ...});
     * empty when the data is valid
     * @throws IllegalArgumentException when {@code json} is not a single JSON document
     */
    public static List<String> violations(EventType type, String json) {
        return violations(type, parse(json));
    }

    public static List<String> violations(EventType type, JsonNode data) {
        return schema(type).validate(data).stream().map(ValidationMessage::getMessage).toList();
    }

    /** @throws IllegalArgumentException listing every violation, when the data does not match the schema */
    public static void assertValid(EventType type, String json) {
        List<String> violations = violations(type, json);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(type.wireName() + " data violates " + schemaId(type) + ":\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** Serialises the event exactly as producers put it on the wire, then checks it. */
    public static void assertValid(ContractEvent event) {
        try {
            assertValid(EventType.of(event.getClass()), ContractJson.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be serialised: " + event.getClass().getSimpleName(), e);
        }
    }

    private static JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(schemaId(t)), CONFIG);
            // Resolve $refs now, so that a broken reference fails on first use rather than on some later input.
            schema.initializeValidators();
            return schema;
        });
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("No data");
        }
        try {
            JsonNode node = STRICT_READER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("No data");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Serves our own $ids from this jar, with this class's loader so it works whatever the context loader is. */
    private static InputStreamSource fromContractsJar(AbsoluteIri iri) {
        String id = iri.toString();
        if (!id.startsWith(SCHEMA_BASE)) {
            return null;
        }
        String resource = "schemas/" + id.substring(SCHEMA_BASE.length());
        ClassLoader loader = ContractValidator.class.getClassLoader();
        if (loader.getResource(resource) == null) {
            throw new IllegalStateException("No schema " + resource + " in the contracts jar for " + id);
        }
        return () -> loader.getResourceAsStream(resource);
    }

    private ContractValidator() {
    }
}
