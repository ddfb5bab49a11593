package kz.appeals.systemtests;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import com.networknt.schema.resource.InputStreamSource;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a rendered manifest offline against the schema of its kind, rejecting fields the schema does not know (as
 * the API server's strict field validation does), so that a misspelt field fails instead of being dropped:
 * <ul>
 * <li>Kubernetes' own kinds and the prometheus-operator's (monitoring.coreos.com) against the OpenAPI definitions
 * that fabric8's kubernetes-model-validator ships ({@code openshift-generated.json}, Swagger 2.0 definitions, read
 * as JSON Schema draft 4);</li>
 * <li>Strimzi's kinds by binding them to Strimzi's API model ({@code io.strimzi:api}), the Java classes Strimzi
 * generates its CRDs from, with every unknown field, unknown type discriminator and unknown enumeration value an
 * error: no artifact on Maven Central or npm carries Strimzi's CRD schemas. Numeric bounds and required fields of
 * the CRDs are not checked this way;</li>
 * <li>CloudNativePG's kinds against the minimal schemas in {@code crd-schemas/}, written from its API reference,
 * since its CRDs are on neither registry either.</li>
 * </ul>
 */
final class ManifestSchemas {

    private static final String KUBERNETES_DEFINITIONS = "openshift-generated.json";
    private static final String KUBERNETES_IRI = "https://appeals.test/kubernetes.json";
    private static final String CRD_SCHEMAS = "https://appeals.test/crd-schemas/";
    private static final String STRIMZI_GROUP = "kafka.strimzi.io";
    private static final Map<String, Class<?>> STRIMZI_KINDS = Map.of("Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper STRIMZI_STRICT = strictBinder();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .locale(Locale.ENGLISH).pathType(PathType.JSON_POINTER).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static volatile Map<String, JsonSchemaFactory> factories;

    private ManifestSchemas() {
    }

    /** @return one line per violation; empty when the resource matches the schema of its kind */
    static List<String> violations(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        String kind = String.valueOf(resource.get("kind"));
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (STRIMZI_GROUP.equals(group)) {
            return strimziViolations(kind, resource);
        }
        JsonNode node = JSON.valueToTree(resource);
        return schema(apiVersion, kind).validate(node).stream().map(ValidationMessage::getMessage).toList();
    }

    private static List<String> strimziViolations(String kind, Map<String, Object> resource) {
        Class<?> model = STRIMZI_KINDS.get(kind);
        if (model == null) {
            return List.of("no Strimzi model class registered for kind " + kind);
        }
        try {
            STRIMZI_STRICT.convertValue(resource, model);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    private static JsonSchema schema(String apiVersion, String kind) {
        return SCHEMAS.computeIfAbsent(apiVersion + "/" + kind, key -> {
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            boolean cloudNativePg = group.endsWith("cnpg.io");
            SchemaLocation location = cloudNativePg
                    ? SchemaLocation.of(CRD_SCHEMAS + group + "_" + version + "_" + kind + ".schema.json")
                    : SchemaLocation.of(KUBERNETES_IRI + "#/definitions/" + definitionPackage(group) + "." + version
                            + "." + kind);
            JsonSchema schema = factories().get(cloudNativePg ? "crd" : "kubernetes").getSchema(location, CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    /**
     * Where the definitions file keeps a group: {@code io.k8s.api.core} for the core group, {@code io.k8s.api.<name>}
     * for Kubernetes' groups (apps, policy, networking.k8s.io...), the reversed domain for others
     * ({@code monitoring.coreos.com} is {@code com.coreos.monitoring}).
     */
    private static String definitionPackage(String group) {
        if (group.isEmpty()) {
            return "io.k8s.api.core";
        }
        if (!group.contains(".") || group.endsWith(".k8s.io")) {
            return "io.k8s.api." + group.replaceFirst("\\.k8s\\.io$", "");
        }
        List<String> parts = new ArrayList<>(List.of(group.split("\\.")));
        Collections.reverse(parts);
        return String.join(".", parts);
    }

    private static Map<String, JsonSchemaFactory> factories() {
        if (factories == null) {
            synchronized (ManifestSchemas.class) {
                if (factories == null) {
                    String kubernetes = strictKubernetesDefinitions();
                    factories = Map.of(
                            "kubernetes", JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                                    .schemaLoaders(loaders -> loaders.schemas(Map.of(KUBERNETES_IRI, kubernetes))
                                            .add(new AllowSchemaLoader(iri -> false)))),
                            "crd", JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
                                    .schemaLoaders(loaders -> loaders.add(iri -> iri.toString().startsWith(CRD_SCHEMAS)
                                                    ? resource("crd-schemas/"
                                                            + iri.toString().substring(CRD_SCHEMAS.length()))
                                                    : null)
                                            .add(new AllowSchemaLoader(iri -> iri.toString().startsWith(CRD_SCHEMAS))))));
                }
            }
        }
        return factories;
    }

    private static InputStreamSource resource(String name) {
        return () -> {
            InputStream stream = ManifestSchemas.class.getClassLoader().getResourceAsStream(name);
            if (stream == null) {
                throw new IOException("no schema " + name + " on the test classpath");
            }
            return stream;
        };
    }

    /**
     * The definitions as the API server applies them: objects reject unknown fields, and the two string-typed
     * wrappers accept what they accept on the wire (IntOrString an integer or a string, Quantity a number too).
     * Descriptions and x-kubernetes-* extensions are dropped; the validator has no use for them.
     */
    private static String strictKubernetesDefinitions() {
        try (InputStream stream = ManifestSchemas.class.getClassLoader().getResourceAsStream(KUBERNETES_DEFINITIONS)) {
            if (stream == null) {
                throw new IllegalStateException(KUBERNETES_DEFINITIONS + " is not on the test classpath"
                        + " (io.fabric8:kubernetes-model-validator)");
            }
            ObjectNode document = (ObjectNode) JSON.readTree(stream);
            ObjectNode definitions = (ObjectNode) document.get("definitions");
            definitions.properties().forEach(entry -> strict(entry.getValue()));
            ArrayNode intOrString = JsonNodeFactory.instance.arrayNode().add("integer").add("string");
            definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString",
                    JsonNodeFactory.instance.objectNode().set("type", intOrString));
            ArrayNode quantity = JsonNodeFactory.instance.arrayNode().add("string").add("number");
            definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity",
                    JsonNodeFactory.instance.objectNode().set("type", quantity));
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set("definitions", definitions);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks a schema by its keywords, so that a property called "properties" or "description" stays a property. */
    private static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.path("description").isTextual()) {
            object.remove("description");
        }
        object.properties().removeIf(entry -> entry.getKey().startsWith("x-kubernetes-"));
        if (object.get("properties") instanceof ObjectNode properties) {
            properties.properties().forEach(entry -> strict(entry.getValue()));
            if (!object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
        }
        strict(object.get("additionalProperties"));
        JsonNode items = object.get("items");
        if (items instanceof ArrayNode array) {
            array.forEach(ManifestSchemas::strict);
        } else {
            strict(items);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            object.path(combinator).forEach(ManifestSchemas::strict);
        }
    }

    /**
     * Strimzi's model keeps unknown fields in an any-setter map and reads an unknown enumeration value as null;
     * here both are errors, as in the CRDs' structural schemas.
     */
    private static ObjectMapper strictBinder() {
        SimpleModule strictness = new SimpleModule();
        strictness.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                         BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                return builder;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new StdDeserializer<Object>(type) {
                    @Override
                    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        String text = parser.getText();
                        Object value = deserializer.deserialize(parser, context);
                        if (value == null) {
                            throw context.weirdStringException(text, type.getRawClass(), "not a value Strimzi knows");
                        }
                        return value;
                    }
                };
            }
        });
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .registerModule(strictness);
    }
}
