package kz.appeals.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.ContractValidator;
import kz.appeals.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Reads a CloudEvents binary-mode Kafka record and checks it against the published contract. */
public final class CloudEventReader {

    public static IncomingEvent read(ConsumerRecord<String, String> record) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new UnprocessableEventException("Not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        UUID id = eventId(header(record, CloudEventHeaders.ID));
        String wireType = required(record, CloudEventHeaders.TYPE);
        EventType type = EventType.fromWireName(wireType)
                .orElseThrow(() -> new UnprocessableEventException("Unknown event type " + wireType));
        String json = record.value();
        if (json == null || json.isBlank()) {
            throw new UnprocessableEventException("Empty data for " + wireType);
        }
        JsonNode tree;
        try {
            tree = ContractJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("Data is not JSON: " + e.getOriginalMessage(), e);
        }
        // One parse serves both the schema check and the typed read.
        List<String> violations = ContractValidator.violations(type, tree);
        if (!violations.isEmpty()) {
            throw new UnprocessableEventException("Data violates " + type.resourceName() + ": " + violations);
        }
        ContractEvent data;
        try {
            data = ContractJson.mapper().treeToValue(tree, type.dataType());
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("Data cannot be read as " + wireType + ": " + e.getOriginalMessage(), e);
        }
        // The key orders one subject's events within a partition: a record under another key breaks that order.
        if (!data.subject().equals(record.key())) {
            throw new UnprocessableEventException("Record key " + record.key() + " is not the event's subject "
                    + data.subject());
        }
        return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE), data.subject(), data);
    }

    private static UUID eventId(String value) {
        if (value == null) {
            throw new UnprocessableEventException("Missing ce_id");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("ce_id is not a UUID: " + value);
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new UnprocessableEventException("Missing header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private CloudEventReader() {
    }
}
