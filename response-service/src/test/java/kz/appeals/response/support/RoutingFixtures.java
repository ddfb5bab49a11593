package kz.appeals.response.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.ContractValidator;
import kz.appeals.contracts.EventType;
import kz.appeals.testing.KafkaProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Events as routing and escalation publish them, for bodies with fresh KATO codes so tests never share an inbox. */
public final class RoutingFixtures {

    /** Today's registration day: a term registered today runs, so the office may still act on it. */
    public static final LocalDate DAY = WorkingCalendar.bundled().registrationDay(Instant.now());

    /**
     * A random 9-digit rural-district code ending in 000, like the office codes of the sample territory, whose
     * office, district ({@link #district}) and region ({@link #region}) codes all differ: digits 5-6 of 00 would make
     * the office its own district's akimat, digits 3-4 of 00 the district its region's.
     */
    public static String newOfficeKato() {
        int code;
        do {
            code = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        } while (code % 100 == 0 || code / 100 % 100 == 0);
        return String.format("%06d000", code);
    }

    public static Body office(String kato) {
        return new Body("rural-akim:" + kato, BodyLevel.RURAL_DISTRICT, kato, "Ауылдық округ әкімінің аппараты " + kato,
                "Аппарат акима сельского округа " + kato);
    }

    public static Routed routed(UUID appealId, String officeKato, LocalDate registrationDay, String receiptNumber,
                                Instant occurredAt) {
        return new Routed(appealId, receiptNumber, office(officeKato), officeKato, district(officeKato),
                region(officeKato), RoutingMethod.KATO, "Settlement " + officeKato.substring(0, 6) + "100 is in the district",
                AppealType.APPLICATION, "roads", "Pothole near school No. 2", Language.ru, registrationDay,
                occurredAt);
    }

    public static Routed routed(UUID appealId, String officeKato) {
        return routed(appealId, officeKato, DAY, receipt(), now());
    }

    public static Redirected redirected(UUID appealId, String fromKato, String toKato, Instant occurredAt) {
        return redirected(appealId, receipt(), fromKato, toKato, occurredAt);
    }

    public static Redirected redirected(UUID appealId, String receiptNumber, String fromKato, String toKato,
                                        Instant occurredAt) {
        return new Redirected(appealId, receiptNumber, office(fromKato), office(toKato), toKato, district(toKato),
                region(toKato), RoutingMethod.MANUAL, "The first body said it is not its competence",
                AppealType.APPLICATION, "roads", "Pothole near school No. 2", Language.ru, DAY, occurredAt);
    }

    public static Escalated escalated(UUID appealId, String fromKato, Instant occurredAt) {
        return new Escalated(appealId, office(fromKato), districtAkimat(fromKato), DAY.plusDays(21), DAY.plusDays(49),
                occurredAt);
    }

    /**
     * Where the fixtures' submissions say the problem is: a well-formed KATO code of no territory (real, sample and
     * synthetic codes all start at 10 or above).
     */
    private static final String NO_PLACE = "000000000";

    /**
     * Intake's registration of the appeal, naming its applicant by a pseudonym. CI runs the modules' tests side by
     * side on one Kafka, so a running routing-service reads this submission too: at a real place its decision would
     * move the appeal away from the test's office (the 404s ActionPathTest once got); at {@link #NO_PLACE} it goes
     * to routing's triage, which this service does not read.
     */
    public static Submitted submitted(UUID appealId, String applicantRef) {
        Instant at = now();
        return new Submitted(appealId, receipt(), AppealType.APPLICATION, "roads", "Pothole near school No. 2",
                Language.ru, new Location(NO_PLACE, null, null, null), "egov", applicantRef, false, 0, at, DAY, at);
    }

    /** A random pseudonym of the shape intake issues (64 lowercase hex digits). */
    public static String applicantRef() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    public static Body districtAkimat(String officeKato) {
        String kato = district(officeKato);
        return new Body("district:akimat:" + kato, BodyLevel.DISTRICT_AKIMAT, kato, "Аудан әкімдігі", "Акимат района");
    }

    public static String receipt() {
        return "KZ-20261123-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Publishes {@code event} as its producer would; the contract is checked first so a test cannot send junk by mistake. */
    public static UUID send(KafkaProbe probe, ContractEvent event) {
        return send(probe, event, UUID.randomUUID());
    }

    public static UUID send(KafkaProbe probe, ContractEvent event, UUID eventId) {
        EventType type = EventType.of(event.getClass());
        ContractValidator.assertValid(event);
        probe.send(type.topic(), event.subject(), KafkaProbe.cloudEventHeaders(type, eventId, event.subject()),
                json(event));
        return eventId;
    }

    public static String json(ContractEvent event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String district(String kato) {
        return kato.substring(0, 4) + "00000";
    }

    public static String region(String kato) {
        return kato.substring(0, 2) + "0000000";
    }

    private RoutingFixtures() {
    }
}
