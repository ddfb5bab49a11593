package kz.appeals.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Reopened;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.contracts.BodyCode;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Lifecycle events as the other services publish them, sent to the real test broker. Every test uses its own
 * appeal ids and its own (random) territory codes, because the database and topics are shared within a run.
 */
public final class LifecycleEvents {

    public static final LocalDate REGISTERED = LocalDate.of(2026, 11, 23);
    public static final String RECEIPT = "KZ-20261123-000417";

    /** Sends the event on its topic with a new CloudEvents id, which it returns. */
    public static UUID send(KafkaProbe probe, AppealEvent event) {
        UUID eventId = UUID.randomUUID();
        send(probe, event, eventId);
        return eventId;
    }

    /** Publishes a region, district or rural district as routing does after an import. */
    public static void publish(KafkaProbe probe, TerritorialUnitPublished unit) {
        probe.send(Topics.TERRITORY, unit.katoCode(), KafkaProbe.cloudEventHeaders(
                EventType.TERRITORIAL_UNIT_PUBLISHED, UUID.randomUUID(), unit.katoCode()), json(unit));
    }

    public static TerritorialUnitPublished ruralDistrictUnit(String kato, String districtKato, String regionKato,
                                                             Integer population, LocalDate akimElectedSince,
                                                             Instant publishedAt) {
        return new TerritorialUnitPublished(kato, UnitLevel.RURAL_DISTRICT, districtKato, regionKato,
                "Сынақ ауылдық округі", "Тестовый сельский округ", population, "Сынақ Әкім", akimElectedSince,
                LocalDate.of(2025, 1, 1), null, publishedAt);
    }

    public static void send(KafkaProbe probe, AppealEvent event, UUID eventId) {
        EventType type = EventType.of(event.getClass());
        probe.send(type.topic(), event.subject(), KafkaProbe.cloudEventHeaders(type, eventId, event.subject()),
                json(event));
    }

    public static Submitted submitted(UUID appeal, String settlementKato) {
        Instant at = Instant.parse("2026-11-23T04:12:00Z");
        return new Submitted(appeal, RECEIPT, AppealType.APPLICATION, "roads", "Pothole near school No. 2",
                Language.ru, new Location(settlementKato, null, null, null), "egov", "ab".repeat(32), false, 0, at,
                REGISTERED, at);
    }

    /** Submitted by the applicant with pseudonym {@code applicantRef}, registered on {@code day}. */
    public static Submitted submittedBy(UUID appeal, String applicantRef, LocalDate day) {
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(1800);
        return new Submitted(appeal, RECEIPT, AppealType.APPLICATION, "roads", "Pothole near school No. 2",
                Language.ru, new Location(null, 51.2, 71.4, null), "egov", applicantRef, false, 0, at, day, at);
    }

    /** Routed to a rural district of {@code districtKato} in {@code regionKato}, on {@code issueId}. */
    public static Routed routed(UUID appeal, String ruralDistrictKato, String districtKato, String regionKato,
                                LocalDate registrationDay, String category, UUID issueId) {
        return new Routed(appeal, RECEIPT, ruralBody(ruralDistrictKato), ruralDistrictKato, districtKato, regionKato,
                RoutingMethod.KATO, "by location", AppealType.APPLICATION, category, "Pothole near school No. 2",
                Language.ru, registrationDay, registrationDay.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(3600), java.util.List.of(), issueId);
    }

    /**
     * Located in the city itself of the city administration {@code cityAdministrationKato} and routed to its akimat,
     * as routing places a city's own appeal: no rural district.
     */
    public static Routed routedToCity(UUID appeal, String cityAdministrationKato, String regionKato,
                                      LocalDate registrationDay) {
        return new Routed(appeal, RECEIPT, higherBody(BodyLevel.DISTRICT_AKIMAT, cityAdministrationKato), null,
                cityAdministrationKato, regionKato, RoutingMethod.KATO, "by location", AppealType.APPLICATION,
                "roads", "Pothole near school No. 2", Language.ru, registrationDay,
                registrationDay.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600), java.util.List.of(), null);
    }

    /** Redirected by routing from one rural district's office to another's at {@code at}. */
    public static Redirected redirectedBetween(UUID appeal, String fromRuralDistrict, String toRuralDistrict,
                                               String regionKato, LocalDate registrationDay, Instant at) {
        return new Redirected(appeal, RECEIPT, ruralBody(fromRuralDistrict), ruralBody(toRuralDistrict),
                toRuralDistrict, null, regionKato, RoutingMethod.MANUAL, "the road belongs to the neighbours",
                AppealType.APPLICATION, "roads", "Pothole near school No. 2", Language.ru, registrationDay, at);
    }

    public static Routed routed(UUID appeal, String ruralDistrictKato, String regionKato) {
        return routed(appeal, ruralDistrictKato, regionKato, REGISTERED);
    }

    public static Routed routed(UUID appeal, String ruralDistrictKato, String regionKato, LocalDate registrationDay) {
        return new Routed(appeal, RECEIPT, ruralBody(ruralDistrictKato), ruralDistrictKato, null, regionKato,
                RoutingMethod.KATO, "by location", AppealType.APPLICATION, "roads", "Pothole near school No. 2",
                Language.ru, registrationDay,
                registrationDay.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600));
    }

    public static Redirected redirected(UUID appeal, String ruralDistrictKato, String regionKato, Instant at) {
        return new Redirected(appeal, RECEIPT, ruralBody(ruralDistrictKato),
                new Body(BodyCode.territorial(BodyLevel.UTILITY, "water", ruralDistrictKato.substring(0, 2) + "0000000"),
                        BodyLevel.UTILITY, null, "Су арнасы", "Водоканал"),
                ruralDistrictKato, null, regionKato, RoutingMethod.MANUAL, "water mains", AppealType.APPLICATION,
                "water", "Pothole near school No. 2", Language.ru, REGISTERED, at);
    }

    public static Answered answered(UUID appeal, String ruralDistrictKato, Instant at) {
        return new Answered(appeal, "rural-akim:" + ruralDistrictKato, Outcome.SATISFIED, Language.ru, "Repaired", 1,
                "officer-1", at);
    }

    /** Escalated from the rural district's office to {@code to}, as escalation publishes it. */
    public static Escalated escalated(UUID appeal, String ruralDistrictKato, Body to, Instant at) {
        return new Escalated(appeal, ruralBody(ruralDistrictKato), to, REGISTERED.plusDays(24), REGISTERED.plusDays(45),
                at);
    }

    public static Body higherBody(BodyLevel level, String katoCode) {
        String code = level == BodyLevel.PRESIDENTIAL_ADMINISTRATION ? BodyCode.PRESIDENTIAL_ADMINISTRATION
                : BodyCode.akimat(level, katoCode);
        return new Body(code, level, katoCode,
                "Жоғары орган", "Вышестоящий орган");
    }

    /** The applicant reopened the answer of cycle 1: cycle 2 starts. */
    public static Reopened reopened(UUID appeal, String ruralDistrictKato, Instant at) {
        return new Reopened(appeal, "rural-akim:" + ruralDistrictKato, "Still broken", 2, at);
    }

    /** A 9-digit code no sample territory uses with any real chance. */
    public static String randomKato() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
    }

    private static Body ruralBody(String ruralDistrictKato) {
        return new Body("rural-akim:" + ruralDistrictKato, BodyLevel.RURAL_DISTRICT, ruralDistrictKato,
                "Ауылдық округ әкімінің аппараты", "Аппарат акима сельского округа");
    }

    private static String json(kz.appeals.contracts.ContractEvent event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LifecycleEvents() {
    }
}
