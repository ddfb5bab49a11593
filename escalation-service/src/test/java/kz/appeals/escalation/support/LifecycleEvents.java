package kz.appeals.escalation.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.BodyCode;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.testing.KafkaProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Input events as the producing services would publish them, on the sample territory (region 99). */
public final class LifecycleEvents {

    public static final String RURAL_DISTRICT = "991021000";
    public static final String OTHER_RURAL_DISTRICT = "991023000";
    public static final String DISTRICT = "991000000";
    public static final String REGION = "990000000";
    /** A district and a region of the sample territory's neighbours, for scoping probes. */
    public static final String OTHER_DISTRICT = "992000000";
    public static final String OTHER_REGION = "980000000";

    public static Body ruralAkim(String kato) {
        return new Body(BodyCode.ruralAkim(kato), BodyLevel.RURAL_DISTRICT, kato, "Ауылдық округ әкімі " + kato,
                "Аким сельского округа " + kato);
    }

    /** The district's and region's akimats as routing names them in its events (code and name). */
    public static final List<Body> HIGHER_BODIES = List.of(
            new Body(BodyCode.akimat(BodyLevel.DISTRICT_AKIMAT, DISTRICT), BodyLevel.DISTRICT_AKIMAT, DISTRICT,
                    "Аудан әкімдігі (Үлгі ауданы)", "Акимат района (Улгинский район)"),
            new Body(BodyCode.akimat(BodyLevel.REGION_AKIMAT, REGION), BodyLevel.REGION_AKIMAT, REGION,
                    "Облыс әкімдігі (Үлгі облысы)", "Акимат области (Улгинская область)"));

    public static Routed routed(UUID appealId, String ruralDistrictKato, LocalDate registrationDay) {
        return new Routed(appealId, "KZ-TEST-" + appealId.toString().substring(0, 8), ruralAkim(ruralDistrictKato),
                ruralDistrictKato, DISTRICT, REGION, RoutingMethod.KATO, "Test routing", AppealType.APPLICATION,
                "roads", "Жолда шұңқыр бар", Language.kk, registrationDay, Instant.now(), null, null, HIGHER_BODIES);
    }

    public static Redirected redirected(UUID appealId, String from, String to, LocalDate registrationDay) {
        return new Redirected(appealId, "KZ-TEST-" + appealId.toString().substring(0, 8), ruralAkim(from),
                ruralAkim(to), to, DISTRICT, REGION, RoutingMethod.MANUAL, "Not ours", AppealType.APPLICATION,
                "roads", "Жолда шұңқыр бар", Language.kk, registrationDay, Instant.now());
    }

    public static Answered answered(UUID appealId, String ruralDistrictKato, int cycle) {
        return new Answered(appealId, "rural-akim:" + ruralDistrictKato, Outcome.SATISFIED, Language.kk,
                "Жөнделді", cycle, "officer-" + ruralDistrictKato, Instant.now());
    }

    /** Publishes {@code event} as its producer would, with a new event id; returns that id. */
    public static UUID send(KafkaProbe probe, AppealEvent event) {
        return send(probe, event, UUID.randomUUID());
    }

    /** Publishes {@code event} under a given event id, e.g. to redeliver one. */
    public static UUID send(KafkaProbe probe, AppealEvent event, UUID eventId) {
        EventType type = EventType.of(event.getClass());
        try {
            probe.send(type.topic(), event.subject(), KafkaProbe.cloudEventHeaders(type, eventId, event.subject()),
                    ContractJson.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    private LifecycleEvents() {
    }
}
