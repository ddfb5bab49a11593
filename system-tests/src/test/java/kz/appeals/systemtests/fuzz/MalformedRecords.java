package kz.appeals.systemtests.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Records that no consumer can process, for one topic: each starts from the contract's example event of a type the
 * topic carries, with its proper CloudEvents headers and key, and breaks one thing. Every consumer must park each of
 * them on its dead-letter topic. A well-formed event of a type the consumer does not use is not among them: the
 * inbox skips those by design (InboxProcessor), it does not dead-letter them.
 */
public final class MalformedRecords {

    /** One record to send; a null header value removes that header. */
    public record Case(String kind, String topic, String key, Map<String, byte[]> headers, byte[] value) {
    }

    private MalformedRecords() {
    }

    public static List<Case> forTopic(String topic) {
        EventType type = java.util.Arrays.stream(EventType.values()).filter(t -> t.topic().equals(topic)).findFirst()
                .orElseThrow();
        String example = example(type);
        String subject = subjectOf(type, example);
        List<Case> cases = new ArrayList<>();
        cases.add(broken("value is not JSON", type, subject, example, headers -> headers, "{not json"));
        cases.add(broken("empty value", type, subject, example, headers -> headers, ""));
        cases.add(broken("binary value", type, subject, example, headers -> headers, "\u0000\u00ff\u0001\ufffd"));
        cases.add(broken("JSON array instead of the event", type, subject, example, headers -> headers, "[1,2,3]"));
        cases.add(broken("JSON missing every required field", type, subject, example, headers -> headers, "{}"));
        cases.add(broken("a field of the wrong type", type, subject, example, headers -> headers,
                firstFieldAsObject(example)));
        cases.add(broken("JSON nested 5,000 deep", type, subject, example, headers -> headers,
                "[".repeat(5_000) + "]".repeat(5_000)));
        cases.add(broken("no ce_specversion", type, subject, example, without(CloudEventHeaders.SPEC_VERSION), example));
        cases.add(broken("ce_specversion 0.3", type, subject, example,
                with(CloudEventHeaders.SPEC_VERSION, "0.3"), example));
        cases.add(broken("no ce_id", type, subject, example, without(CloudEventHeaders.ID), example));
        cases.add(broken("ce_id not a UUID", type, subject, example, with(CloudEventHeaders.ID, "1; DROP TABLE inbox"),
                example));
        cases.add(broken("no ce_type", type, subject, example, without(CloudEventHeaders.TYPE), example));
        cases.add(broken("unknown ce_type", type, subject, example,
                with(CloudEventHeaders.TYPE, "kz.appeals.appeal.exploded.v1"), example));
        cases.add(broken("ce_type of invalid UTF-8", type, subject, example, headers -> {
            headers.put(CloudEventHeaders.TYPE, new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            return headers;
        }, example));
        cases.add(new Case("key is not the subject", topic, "fuzz-" + UUID.randomUUID(),
                headers(type, subject), example.getBytes(StandardCharsets.UTF_8)));
        // A compacted topic refuses records without a key at the broker, before any consumer could see one.
        if (!topic.equals(Topics.TERRITORY) && !topic.equals(Topics.CALENDAR)) {
            cases.add(new Case("no key", topic, null, headers(type, subject), example.getBytes(StandardCharsets.UTF_8)));
        }
        return cases;
    }

    private static Case broken(String kind, EventType type, String subject, String example,
                               UnaryOperator<Map<String, byte[]>> headerChange, String value) {
        return new Case(kind, type.topic(), subject, headerChange.apply(headers(type, subject)),
                value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> headers(EventType type, String subject) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        KafkaProbe.cloudEventHeaders(type, UUID.randomUUID(), subject)
                .forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static UnaryOperator<Map<String, byte[]>> without(String header) {
        return headers -> {
            headers.remove(header);
            return headers;
        };
    }

    private static UnaryOperator<Map<String, byte[]>> with(String header, String value) {
        return headers -> {
            headers.put(header, value.getBytes(StandardCharsets.UTF_8));
            return headers;
        };
    }

    private static String example(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream("/examples/" + type.resourceName() + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No example for " + type);
            }
            return ContractJson.mapper().readTree(in).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String subjectOf(EventType type, String example) {
        try {
            return ContractJson.mapper().readValue(example, type.dataType()).subject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstFieldAsObject(String example) {
        try {
            ObjectNode event = (ObjectNode) ContractJson.mapper().readTree(example);
            event.putObject(event.fieldNames().next()).put("$gt", "");
            return event.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
