package kz.appeals.contracts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AsyncAPI document agencies read must describe exactly the topics and types the code publishes. */
class AsyncApiDocumentTest {

    private static Map<String, Object> document;

    @BeforeAll
    static void parse() {
        document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Resources.text("asyncapi.yaml"));
    }

    @Test
    void isAnAsyncApi3DocumentWithTheLocalServer() {
        assertEquals("3.1.0", document.get("asyncapi"));
        Map<String, Object> local = map(map(document, "servers"), "local");
        assertEquals("127.0.0.1:59092", local.get("host"));
        assertEquals("kafka", local.get("protocol"));
    }

    @Test
    void everyTopicHasAChannel() throws IllegalAccessException {
        Set<String> addresses = channels().values().stream().map(c -> (String) c.get("address"))
                .collect(Collectors.toSet());
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String topic = (String) field.get(null);
                assertTrue(addresses.contains(topic), "no channel for " + field.getName() + " = " + topic);
            }
        }
        assertTrue(addresses.containsAll(Topics.LIFECYCLE));
        assertTrue(addresses.contains(Topics.deadLetter("{consumer}")), "the dead-letter naming rule");
    }

    @Test
    void everyEventTypeIsAMessageOnItsTopic() {
        Map<String, String> topicByWireName = new TreeMap<>();
        for (Map<String, Object> channel : channels().values()) {
            for (Object reference : map(channel, "messages").values()) {
                Map<String, Object> message = resolve(reference);
                topicByWireName.put((String) message.get("name"), (String) channel.get("address"));
            }
        }
        for (EventType type : EventType.values()) {
            assertEquals(type.topic(), topicByWireName.get(type.wireName()), type.wireName());
        }
    }

    @Test
    void everyEventMessageCarriesTheCloudEventsHeadersAndItsSchema() {
        List<String> required = list(map(map(map(document, "components"), "schemas"), "CloudEventHeaders"), "required");
        assertEquals(Set.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TYPE, CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME,
                CloudEventHeaders.CONTENT_TYPE), new HashSet<>(required));

        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (Object message : map(map(document, "components"), "messages").values()) {
            byName.put((String) cast(message).get("name"), cast(message));
        }
        for (EventType type : EventType.values()) {
            Map<String, Object> message = byName.get(type.wireName());
            List<Map<String, Object>> headerParts = list(map(message, "headers"), "allOf");
            assertEquals("#/components/schemas/CloudEventHeaders", headerParts.get(0).get("$ref"));
            String ceType = (String) map(map(headerParts.get(1), "properties"), "ce_type").get("const");
            assertEquals(type.wireName(), ceType, "ce_type of " + type);
            assertEquals("./" + Resources.schemaPath(type), map(map(message, "payload"), "schema").get("$ref"));
        }
    }

    @Test
    void everyReferencedSchemaFileExists() {
        List<String> references = new ArrayList<>();
        collectRefs(document, references);
        List<String> files = references.stream().filter(r -> !r.startsWith("#")).toList();
        assertEquals(EventType.values().length, files.size(), "one payload schema per event type: " + files);
        for (String file : files) {
            assertTrue(file.startsWith("./schemas/"), file);
            assertTrue(Resources.exists(file.substring(2)), "missing " + file);
        }
        for (String local : references.stream().filter(r -> r.startsWith("#")).toList()) {
            resolve(Map.of("$ref", local));
        }
    }

    private static Map<String, Map<String, Object>> channels() {
        Map<String, Map<String, Object>> channels = new HashMap<>();
        map(document, "channels").forEach((name, channel) -> channels.put(name, cast(channel)));
        return channels;
    }

    /** Follows a local reference such as {@code #/components/messages/appealSubmitted}. */
    private static Map<String, Object> resolve(Object node) {
        Map<String, Object> current = cast(node);
        while (current.containsKey("$ref")) {
            String ref = (String) current.get("$ref");
            assertTrue(ref.startsWith("#/"), "not a local reference: " + ref);
            Object target = document;
            for (String part : Arrays.asList(ref.substring(2).split("/"))) {
                target = ((Map<?, ?>) target).get(part);
                assertTrue(target != null, "reference points nowhere: " + ref);
            }
            current = cast(target);
        }
        return current;
    }

    private static void collectRefs(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    into.add((String) value);
                } else {
                    collectRefs(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, into));
        }
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, key + " should be a mapping in " + parent.keySet());
        return cast(value);
    }

    private static <T> List<T> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, key + " should be a list");
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) value;
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
