package kz.appeals.analytics.service;

import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.bulk.CopyWriter;
import kz.appeals.platform.inbox.IncomingEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Facts folded in memory from a stretch of history by the rules the consumers apply ({@link AppealFact#apply}),
 * each event id once, as the inbox would let it through. Not thread-safe: one reader folds it.
 */
public final class FactsFold {

    /** A finished fold, in PostgreSQL's key order, ready to be copied. */
    public record Folded(List<AppealFact> facts, List<IncomingEvent> territory, UUID[] eventIds,
                         EventType[] eventTypes, long duplicates) {
    }

    private final Function<Instant, LocalDate> termStartOf;
    private final Map<UUID, AppealFact> facts = new HashMap<>();
    private final List<IncomingEvent> territory = new ArrayList<>();
    private final Map<UUID, EventType> applied = new HashMap<>();
    /** One instance of each code, territory, applicant and day among the facts (see {@link #share}). */
    private final Map<Object, Object> shared = new HashMap<>();
    private long duplicates;

    /** @param termStartOf the working calendar's Art. 64 rule, as {@link FactRecorder} passes it */
    public FactsFold(Function<Instant, LocalDate> termStartOf) {
        this.termStartOf = termStartOf;
    }

    /**
     * A lifecycle event is merged into its appeal's fact; the territorial reference's are kept in reading order
     * for {@link TerritoryRecorder}, as few as there are units.
     *
     * @return false for an event applied before (a redelivery), which changes nothing
     */
    public boolean apply(IncomingEvent event) {
        if (applied.putIfAbsent(event.id(), event.type()) != null) {
            duplicates++;
            return false;
        }
        if (event.type() == EventType.TERRITORIAL_UNIT_PUBLISHED) {
            territory.add(event);
        } else {
            AppealEvent data = event.dataAs(AppealEvent.class);
            AppealFact fact = facts.computeIfAbsent(data.appealId(), AppealFact::new);
            fact.apply(data, termStartOf);
            share(fact);
        }
        return true;
    }

    /**
     * Every event parses its own copies of values that thousands of facts share (a district's code, a day): one
     * instance of each keeps a stretch of history in about half the memory.
     */
    private void share(AppealFact fact) {
        fact.categoryCode = shared(fact.categoryCode);
        fact.bodyCode = shared(fact.bodyCode);
        fact.ruralDistrictKato = shared(fact.ruralDistrictKato);
        fact.districtKato = shared(fact.districtKato);
        fact.regionKato = shared(fact.regionKato);
        fact.applicantRef = shared(fact.applicantRef);
        fact.registrationDay = shared(fact.registrationDay);
        fact.termStartDay = shared(fact.termStartDay);
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    public Folded finish() {
        List<AppealFact> sortedFacts = new ArrayList<>(facts.values());
        sortedFacts.sort((a, b) -> CopyWriter.POSTGRES_UUID_ORDER.compare(a.appealId, b.appealId));
        UUID[] ids = applied.keySet().toArray(UUID[]::new);
        java.util.Arrays.sort(ids, CopyWriter.POSTGRES_UUID_ORDER);
        EventType[] types = new EventType[ids.length];
        for (int i = 0; i < ids.length; i++) {
            types[i] = applied.get(ids[i]);
        }
        return new Folded(sortedFacts, List.copyOf(territory), ids, types, duplicates);
    }
}
