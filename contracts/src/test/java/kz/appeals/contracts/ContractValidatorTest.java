package kz.appeals.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator must reject what breaks the contract, and say which field did. */
class ContractValidatorTest {

    @Test
    void missingRequiredFieldIsNamed() {
        List<String> violations = submittedWith(data -> data.remove("appealId"));
        assertOneViolationNaming("appealId", violations);
    }

    @Test
    void unknownEnumValueIsNamed() {
        assertOneViolationNaming("appealType", submittedWith(data -> data.put("appealType", "PETITION")));
        // Enum values are case-sensitive, exactly as the Java constants.
        assertOneViolationNaming("language", submittedWith(data -> data.put("language", "RU")));
    }

    @Test
    void malformedUuidIsNamed() {
        assertOneViolationNaming("appealId", submittedWith(data -> data.put("appealId", "3f6c1e0a-8b2d-4c71-9a55")));
    }

    @Test
    void malformedDatesAreNamed() {
        assertOneViolationNaming("registrationDay", submittedWith(data -> data.put("registrationDay", "23.11.2026")));
        assertOneViolationNaming("occurredAt", submittedWith(data -> data.put("occurredAt", "2026-11-23 04:12")));
    }

    @Test
    void badKatoCodeIsNamedWithItsPath() {
        assertOneViolationNaming("location.katoCode",
                submittedWith(data -> ((ObjectNode) data.get("location")).put("katoCode", "19423310")));
        List<String> violations = violations(EventType.ROUTED, data -> ((ObjectNode) data.get("body")).put("katoCode", "19423310A"));
        assertOneViolationNaming("body.katoCode", violations);
    }

    @Test
    void nestedEnumAndRequiredFieldsAreChecked() {
        assertOneViolationNaming("fromBody.level",
                violations(EventType.ESCALATED, data -> ((ObjectNode) data.get("fromBody")).put("level", "VILLAGE")));
        List<String> violations = violations(EventType.ESCALATED, data -> ((ObjectNode) data.get("toBody")).remove("nameKk"));
        assertOneViolationNaming("nameKk", violations);
        assertTrue(violations.get(0).contains("toBody"), violations.toString());
    }

    @Test
    void overlongTextIsRejected() {
        assertOneViolationNaming("description", submittedWith(data -> data.put("description", "я".repeat(4001))));
    }

    @Test
    void wrongJsonTypeIsRejected() {
        assertOneViolationNaming("attachmentCount", submittedWith(data -> data.put("attachmentCount", "2")));
    }

    @Test
    void locationNeedsAtLeastOneWayToFindThePlace() {
        List<String> violations = submittedWith(data -> data.putObject("location"));
        assertTrue(!violations.isEmpty() && violations.stream().allMatch(v -> v.contains("location")), violations.toString());
        assertEquals(List.of(), submittedWith(data -> data.putObject("location").put("addressText", "ул. Абая, 12")));
        assertOneViolationNaming("longitude",
                submittedWith(data -> ((ObjectNode) data.get("location")).remove("longitude")));
    }

    @Test
    void applicantRefIsRequiredUnlessTheSignalIsAnonymous() {
        assertOneViolationNaming("applicantRef", submittedWith(data -> data.remove("applicantRef")));
        assertEquals(List.of(), submittedWith(data -> data.put("anonymousSignal", true).remove("applicantRef")));
        assertOneViolationNaming("applicantRef", submittedWith(data -> data.put("applicantRef", "9C4E2F7A")));
    }

    @Test
    void optionalFieldsMayBeAbsentAndUnknownFieldsArePassedOver() {
        assertEquals(List.of(), violations(EventType.ROUTED, data -> {
            data.remove("reason");
            data.remove("ruralDistrictKato");
            data.remove("districtKato");
            data.remove("regionKato");
            ((ObjectNode) data.get("body")).remove("katoCode");
        }));
        assertEquals(List.of(), submittedWith(data -> data.put("priority", "HIGH")));
    }

    @Test
    void assertValidListsEveryViolation() {
        String json = mutated(EventType.SUBMITTED, data -> {
            data.remove("receiptNumber");
            data.put("channel", "");
        }).toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContractValidator.assertValid(EventType.SUBMITTED, json));
        assertTrue(e.getMessage().contains("receiptNumber") && e.getMessage().contains("channel"), e.getMessage());
        assertTrue(e.getMessage().contains(ContractValidator.schemaId(EventType.SUBMITTED)), e.getMessage());
    }

    @Test
    void assertValidChecksARecordAsItGoesOnTheWire() {
        UUID appealId = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-23T06:00:00Z");
        ContractValidator.assertValid(new AppealEvents.Acknowledged(appealId, "rural-akim:194230000", "officer-1", now));

        AppealEvents.DeadlineWarning withoutDueDate = new AppealEvents.DeadlineWarning(appealId, "rural-akim:194230000",
                AppealEvents.BodyLevel.RURAL_DISTRICT, AppealEvents.WarningThreshold.HALF_TERM, null, now);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContractValidator.assertValid(withoutDueDate));
        assertTrue(e.getMessage().contains("dueDate"), e.getMessage());

        ContractValidator.assertValid(new AppealEvents.Extended(appealId, "rural-akim:194230000",
                LocalDate.parse("2027-01-22"), "Шарт қаңтарда жасалады.", "head-1", now));
    }

    @Test
    void inputThatIsNotOneJsonDocumentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ContractValidator.violations(EventType.SUBMITTED, "{\"appealId\":"));
        assertThrows(IllegalArgumentException.class, () -> ContractValidator.violations(EventType.SUBMITTED, ""));
        assertThrows(IllegalArgumentException.class, () -> ContractValidator.violations(EventType.SUBMITTED, "{} {}"));
        assertTrue(!ContractValidator.violations(EventType.SUBMITTED, "[]").isEmpty());
    }

    @Test
    void aPlacesPointIsOptionalButWholeWhenGiven() {
        assertEquals(List.of(), violations(EventType.SETTLEMENT_PUBLISHED, data -> data.remove("point")));
        assertOneViolationNaming("point.latitude", violations(EventType.SETTLEMENT_PUBLISHED,
                data -> ((ObjectNode) data.get("point")).put("latitude", 91)));
        assertOneViolationNaming("source", violations(EventType.TERRITORIAL_UNIT_PUBLISHED,
                data -> ((ObjectNode) data.get("point")).put("source", "CENTROID")));
        assertOneViolationNaming("longitude", violations(EventType.TERRITORIAL_UNIT_PUBLISHED,
                data -> ((ObjectNode) data.get("point")).remove("longitude")));
    }

    @Test
    void aTerritoryEventOfBeforeThePointReadsAndWritesAsItDid() throws Exception {
        TerritoryEvents.SettlementPublished before = new TerritoryEvents.SettlementPublished("194233100", "194230000",
                "194200000", "190000000", "Жаңаауыл ауылы", "село Жанаауыл", LocalDate.of(2025, 1, 1), null,
                Instant.parse("2026-11-22T03:00:00Z"));
        String json = ContractJson.mapper().writeValueAsString(before);
        assertTrue(!json.contains("point"), json);
        assertEquals(List.of(), ContractValidator.violations(EventType.SETTLEMENT_PUBLISHED,
                ContractJson.mapper().readTree(json)));
        assertEquals(before, ContractJson.mapper().readValue(json, TerritoryEvents.SettlementPublished.class));
    }

    @Test
    void aUnitsKindIsOptionalButOneOfTheKindsOfBodiesWhenGiven() {
        assertEquals(List.of(), violations(EventType.TERRITORIAL_UNIT_PUBLISHED, data -> data.put("kind", "TOWN")));
        assertEquals(List.of(), violations(EventType.TERRITORIAL_UNIT_PUBLISHED, data -> data.remove("kind")));
        // a locality is no body: its appeals go to the unit above it, so it is never a unit's kind
        assertOneViolationNaming("kind", violations(EventType.TERRITORIAL_UNIT_PUBLISHED,
                data -> data.put("kind", "LOCALITY")));
        assertOneViolationNaming("kind", violations(EventType.TERRITORIAL_UNIT_PUBLISHED,
                data -> data.put("kind", "town")));
    }

    @Test
    void aUnitOfBeforeTheKindReadsAndWritesAsItDid() throws Exception {
        TerritoryEvents.TerritorialUnitPublished before = new TerritoryEvents.TerritorialUnitPublished("194230000",
                TerritoryEvents.UnitLevel.RURAL_DISTRICT, "194200000", "190000000", "Жаңаауыл ауылдық округі",
                "Жанаауыльский сельский округ", 4120, "Серікбаев Нұрлан", LocalDate.of(2024, 11, 17),
                LocalDate.of(2025, 1, 1), null, Instant.parse("2026-11-22T03:00:00Z"));
        String json = ContractJson.mapper().writeValueAsString(before);
        assertTrue(!json.contains("kind"), json);
        assertEquals(List.of(), ContractValidator.violations(EventType.TERRITORIAL_UNIT_PUBLISHED,
                ContractJson.mapper().readTree(json)));
        TerritoryEvents.TerritorialUnitPublished read = ContractJson.mapper().readValue(json,
                TerritoryEvents.TerritorialUnitPublished.class);
        assertEquals(before, read);
        assertEquals(null, read.kind());
    }

    private static void assertOneViolationNaming(String field, List<String> violations) {
        assertEquals(1, violations.size(), "expected exactly one violation about " + field + ": " + violations);
        assertTrue(violations.get(0).contains(field), "violation should name " + field + ": " + violations.get(0));
    }

    private static List<String> submittedWith(Consumer<ObjectNode> change) {
        return violations(EventType.SUBMITTED, change);
    }

    private static List<String> violations(EventType type, Consumer<ObjectNode> change) {
        return ContractValidator.violations(type, mutated(type, change));
    }

    private static JsonNode mutated(EventType type, Consumer<ObjectNode> change) {
        ObjectNode data = (ObjectNode) Resources.json(Resources.examplePath(type));
        change.accept(data);
        return data;
    }
}
