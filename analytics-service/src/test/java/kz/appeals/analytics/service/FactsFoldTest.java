package kz.appeals.analytics.service;

import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.bulk.CopyWriter;
import kz.appeals.platform.inbox.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static kz.appeals.analytics.LifecycleEvents.REGISTERED;
import static kz.appeals.analytics.LifecycleEvents.redirected;
import static kz.appeals.analytics.LifecycleEvents.routed;
import static kz.appeals.analytics.LifecycleEvents.ruralDistrictUnit;
import static kz.appeals.analytics.LifecycleEvents.submitted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactsFoldTest {

    private static final Instant REDIRECTED_AT = Instant.parse("2026-11-24T05:00:00Z");

    private final FactsFold fold = new FactsFold(at -> LocalDate.ofInstant(at, ZoneOffset.ofHours(5)));

    @Test
    void aRedeliveredEventIsAppliedOnceAndCounted() {
        UUID appeal = UUID.randomUUID();
        IncomingEvent redirect = incoming(EventType.REDIRECTED, redirected(appeal, "351621100", "350000000",
                REDIRECTED_AT));
        assertTrue(fold.apply(incoming(EventType.SUBMITTED, submitted(appeal, "351621100"))));
        assertTrue(fold.apply(redirect));
        assertFalse(fold.apply(redirect), "the redelivery");

        FactsFold.Folded folded = fold.finish();
        assertEquals(1, folded.facts().size());
        assertEquals(1, folded.facts().get(0).redirectedCount, "a redirect counts once however often delivered");
        assertEquals(1, folded.duplicates());
        assertEquals(2, folded.eventIds().length, "one inbox row per distinct event");
    }

    @Test
    void factsAndEventIdsComeInPostgresKeyOrderWithTheirTypes() {
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID appeal = UUID.randomUUID();
            events.add(incoming(EventType.SUBMITTED, submitted(appeal, "351621100")));
            events.add(incoming(EventType.ROUTED, routed(appeal, "351621100", "350000000", REGISTERED)));
        }
        events.forEach(fold::apply);

        FactsFold.Folded folded = fold.finish();
        List<UUID> factIds = folded.facts().stream().map(fact -> fact.appealId).toList();
        assertEquals(factIds.stream().sorted(CopyWriter.POSTGRES_UUID_ORDER).toList(), factIds);
        assertEquals(Arrays.stream(folded.eventIds()).sorted(CopyWriter.POSTGRES_UUID_ORDER).toList(),
                List.of(folded.eventIds()));
        for (int i = 0; i < folded.eventIds().length; i++) {
            UUID id = folded.eventIds()[i];
            EventType type = events.stream().filter(event -> event.id().equals(id)).findFirst().orElseThrow().type();
            assertEquals(type, folded.eventTypes()[i], "type of " + id);
        }
    }

    @Test
    void theTerritorialReferenceIsKeptInReadingOrderBesideTheFacts() {
        IncomingEvent first = incoming(EventType.TERRITORIAL_UNIT_PUBLISHED,
                ruralDistrictUnit("351621100", "351600000", "350000000", 4_000, null, REDIRECTED_AT));
        IncomingEvent second = incoming(EventType.TERRITORIAL_UNIT_PUBLISHED,
                ruralDistrictUnit("351621100", "351600000", "350000000", 4_100, null, REDIRECTED_AT.plusSeconds(60)));
        fold.apply(first);
        fold.apply(second);
        fold.apply(first);

        FactsFold.Folded folded = fold.finish();
        assertEquals(List.of(first, second), folded.territory());
        assertEquals(List.<AppealFact>of(), folded.facts());
        assertEquals(1, folded.duplicates());
    }

    private static IncomingEvent incoming(EventType type, ContractEvent data) {
        return new IncomingEvent(UUID.randomUUID(), type, "/test", data.subject(), data);
    }
}
