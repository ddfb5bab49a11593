package kz.appeals.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * JSON bodies from an OpenAPI schema: plausible ones, ones that break exactly the schema, ones that do not parse or
 * that RFC 8259 and the services refuse (content after the value, a repeated key, text no store can hold).
 */
final class JsonBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Patterns of the documents with a generator for a matching value; others get free text. */
    private static final Map<String, java.util.function.Function<SplittableRandom, String>> PATTERNS = Map.of(
            "\\d{12}", r -> digits(r, 12),
            "\\d{9}", r -> digits(r, 9),
            "\\+7\\d{10}", r -> "+7" + digits(r, 10),
            "[0-9a-f]{64}", r -> hex(r, 64),
            "https://.+", r -> "https://files.example.kz/" + hex(r, 8),
            "[A-Za-z0-9._:-]{8,128}", r -> hex(r, 16));

    private JsonBodies() {
    }

    /** A value that satisfies the schema as far as the fuzzer can tell (enums, formats, known patterns, bounds). */
    static JsonNode plausible(JsonNode schema, SplittableRandom random, int depth) {
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                List<String> required = required(schema);
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (depth < 6 && (required.contains(property.getKey()) || random.nextBoolean())) {
                        object.set(property.getKey(), plausible(property.getValue(), random, depth + 1));
                    }
                });
                if (schema.path("additionalProperties").isObject() && depth < 6) {
                    for (int i = random.nextInt(3); i > 0; i--) {
                        object.set("key" + i, plausible(schema.get("additionalProperties"), random, depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                for (int i = depth < 6 ? random.nextInt(3) : 0; i > 0; i--) {
                    array.add(plausible(schema.path("items"), random, depth + 1));
                }
                yield array;
            }
            case "integer" -> JSON.numberNode(schema.path("minimum").asLong(0)
                    + random.nextLong(Math.max(1, Math.min(1000, schema.path("maximum").asLong(1000)
                    - schema.path("minimum").asLong(0)))));
            case "number" -> JSON.numberNode(schema.path("minimum").asDouble(0) + random.nextDouble()
                    * (schema.path("maximum").asDouble(100) - schema.path("minimum").asDouble(0)));
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            default -> JSON.textNode(plausibleString(schema, random));
        };
    }

    private static String plausibleString(JsonNode schema, SplittableRandom random) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid":
                return new UUID(random.nextLong(), random.nextLong()).toString();
            case "date":
                return LocalDate.now().plusDays(random.nextInt(-30, 60)).toString();
            case "date-time":
                return Instant.now().toString();
            default:
                break;
        }
        var generator = PATTERNS.get(schema.path("pattern").asText(""));
        if (generator != null) {
            return generator.apply(random);
        }
        String text = HostileValues.pick(random, List.of("Жолда шұңқыр бар", "Во дворе не горит фонарь",
                "roads", "Сынақ Азамат", "A pothole on the road"));
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * The plausible body with exactly one schema constraint broken somewhere in it; the break is named in
     * {@code noted}. A schema without any constraint to break gets a body of the wrong JSON type.
     */
    static JsonNode violating(JsonNode schema, SplittableRandom random, Consumer<String> noted) {
        JsonNode body = plausible(schema, random, 0);
        List<Runnable> breaks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        collectBreaks(schema, body, "body", random, breaks, names);
        if (breaks.isEmpty() || random.nextInt(8) == 0) {
            JsonNode wrongType = HostileValues.pick(random, List.of(JSON.arrayNode().add(body), JSON.textNode("body"),
                    JSON.numberNode(42), JSON.nullNode(), JSON.booleanNode(true)));
            noted.accept("body of type " + wrongType.getNodeType());
            return wrongType;
        }
        int chosen = random.nextInt(breaks.size());
        breaks.get(chosen).run();
        noted.accept(names.get(chosen));
        return body;
    }

    private static void collectBreaks(JsonNode schema, JsonNode node, String path, SplittableRandom random,
                                      List<Runnable> breaks, List<String> names) {
        if (!(node instanceof ObjectNode object) || !schema.has("properties")) {
            return;
        }
        for (String name : required(schema)) {
            breaks.add(() -> object.remove(name));
            names.add(path + "." + name + " missing");
            breaks.add(() -> object.putNull(name));
            names.add(path + "." + name + " null");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode propertySchema = property.getValue();
            String at = path + "." + name;
            String type = propertySchema.path("type").asText(propertySchema.has("properties") ? "object" : "string");
            breaks.add(() -> object.set(name, wrongTypeFor(type, random)));
            names.add(at + " wrong type");
            if (propertySchema.has("enum")) {
                breaks.add(() -> object.put(name, "NOT_" + HostileValues.shortString(random)));
                names.add(at + " not in enum");
            }
            if (propertySchema.has("maxLength")) {
                int max = propertySchema.get("maxLength").asInt();
                breaks.add(() -> object.put(name, "ы".repeat(max + 1 + random.nextInt(1000))));
                names.add(at + " longer than " + max);
            }
            String pattern = propertySchema.path("pattern").asText("");
            if (pattern.equals("\\S") || propertySchema.path("minLength").asInt(0) > 0) {
                breaks.add(() -> object.put(name, HostileValues.pick(random, List.of("", " ", "\t\n ", "\u3000"))));
                names.add(at + " blank");
            } else if (!pattern.isEmpty()) {
                breaks.add(() -> object.put(name, notMatching(Pattern.compile(pattern), random)));
                names.add(at + " not matching " + pattern);
            }
            if (propertySchema.has("maximum")) {
                breaks.add(() -> object.put(name, propertySchema.get("maximum").asDouble() + 1 + random.nextInt(1000)));
                names.add(at + " above maximum");
            }
            if (propertySchema.has("minimum") || propertySchema.has("exclusiveMinimum")) {
                double floor = propertySchema.has("minimum") ? propertySchema.get("minimum").asDouble() - 1
                        : propertySchema.get("exclusiveMinimum").asDouble();
                breaks.add(() -> object.put(name, floor - random.nextInt(1000)));
                names.add(at + " below minimum");
            }
            String format = propertySchema.path("format").asText("");
            if (format.equals("date") || format.equals("uuid") || format.equals("date-time")) {
                breaks.add(() -> object.put(name, HostileValues.pick(random, List.of("2026-02-30", "2026-13-01",
                        "31.12.2026", "0000-00-00", "tomorrow", "00000000-0000-0000-0000-00000000000", "",
                        "9999999999-01-01"))));
                names.add(at + " invalid " + format);
            }
            JsonNode child = object.get(name);
            if (child != null) {
                collectBreaks(propertySchema, child, at, random, breaks, names);
            }
        }
    }

    /** A value no Jackson binding of {@code type} accepts: containers for scalars, scalars for containers. */
    private static JsonNode wrongTypeFor(String type, SplittableRandom random) {
        return switch (type) {
            case "object" -> HostileValues.pick(random, List.of(JSON.textNode("x"), JSON.numberNode(7),
                    JSON.arrayNode().add(1)));
            case "array" -> HostileValues.pick(random, List.of(JSON.objectNode().put("a", 1), JSON.textNode("x")));
            case "integer", "number" -> HostileValues.pick(random, List.of(JSON.textNode("seven"),
                    JSON.objectNode(), JSON.arrayNode().add(1).add(2), JSON.textNode("1e99999")));
            default -> HostileValues.pick(random, List.of(JSON.objectNode().put("$gt", ""),
                    JSON.arrayNode().add("a").add("b"), JSON.arrayNode()));
        };
    }

    private static String notMatching(Pattern pattern, SplittableRandom random) {
        while (true) {
            String candidate = HostileValues.shortString(random);
            if (!pattern.matcher(candidate).matches() && !pattern.matcher(candidate).find()) {
                return candidate;
            }
        }
    }

    /** Bytes that no JSON parser accepts, whatever the schema. */
    static byte[] malformed(JsonNode schema, SplittableRandom random, Consumer<String> noted) {
        JsonNode tree = plausible(schema, random, 0);
        String plausible = tree.toString();
        switch (random.nextInt(10)) {
            case 0 -> {
                noted.accept("truncated");
                String whole = plausible.length() > 1 ? plausible : "{\"a\":1}";
                return whole.substring(0, 1 + random.nextInt(whole.length() - 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                noted.accept("random bytes");
                byte[] bytes = HostileValues.bytes(random, 1 + random.nextInt(2000));
                bytes[0] = (byte) '#';
                return bytes;
            }
            case 2 -> {
                noted.accept("unclosed nesting");
                return (random.nextBoolean() ? "[" : "{\"a\":").repeat(1 + random.nextInt(20_000))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                noted.accept("invalid UTF-8");
                byte[] prefix = "{\"description\":\"".getBytes(StandardCharsets.UTF_8);
                byte[] bytes = new byte[prefix.length + 4];
                System.arraycopy(prefix, 0, bytes, 0, prefix.length);
                bytes[prefix.length] = (byte) 0xC3;
                bytes[prefix.length + 1] = (byte) 0x28;
                bytes[prefix.length + 2] = '"';
                bytes[prefix.length + 3] = '}';
                return bytes;
            }
            case 4 -> {
                noted.accept("non-JSON literals");
                return HostileValues.pick(random, List.of("{'a': 1}", "{a: 1}", "{\"a\": NaN}", "{\"a\": Infinity}",
                        "{\"a\": 01}", "{\"a\": 1,}", "{\"a\" 1}", "/* c */ {\"a\": 1}", "{\"a\": \"\u0001\"}",
                        "{\"a\": undefined}", "{\"a\": .5}", "{\"a\": 0x10}")).getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                noted.accept("XML instead of JSON");
                return "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                noted.accept("content after the value");
                return (plausible + HostileValues.pick(random, List.of("xyz", "]", " {}", "}", " 1", ",")))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 8 -> {
                Iterator<String> names = tree.fieldNames();
                if (!(tree instanceof ObjectNode) || !names.hasNext()) {
                    noted.accept("two values");
                    return (plausible + " " + plausible).getBytes(StandardCharsets.UTF_8);
                }
                String name = names.next();
                noted.accept("key " + name + " twice");
                String member = JSON.objectNode().set(name, tree.get(name)).toString();
                return ("{" + member.substring(1, member.length() - 1) + "," + plausible.substring(1))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 9 -> {
                String property = firstStringProperty(schema);
                if (property == null || !(tree instanceof ObjectNode object)) {
                    noted.accept("content after the value");
                    return (plausible + "x").getBytes(StandardCharsets.UTF_8);
                }
                String bad = HostileValues.pick(random, List.of("\\u0000", "\\u0001", "\\u0007", "\\u001b",
                        "\\ud800", "\\udfff", "\\uffff"));
                noted.accept(property + " holds " + bad);
                object.put(property, "x");
                return object.toString().replace("\"" + property + "\":\"x\"",
                        "\"" + property + "\":\"a" + bad + "b\"").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                noted.accept("unterminated string");
                return ("{\"description\":\"" + HostileValues.shortString(random).replace("\"", ""))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** A property of the schema that holds text, to carry characters no text may hold; null if there is none. */
    private static String firstStringProperty(JsonNode schema) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode type = property.getValue().path("type");
            if ("string".equals(type.asText()) && !property.getValue().has("enum")
                    && !property.getValue().has("format")) {
                return property.getKey();
            }
        }
        return null;
    }

    static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(10));
        }
        return text.toString();
    }

    private static String hex(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
