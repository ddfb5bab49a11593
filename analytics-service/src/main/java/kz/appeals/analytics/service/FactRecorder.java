package kz.appeals.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.analytics.domain.AnswerTerm;
import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.platform.inbox.IncomingEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Merges lifecycle events into their appeals' facts, inside the inbox transaction that deduplicates them. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FactRecorder {

    private final AppealFactRepository facts;
    private final AnswerTerm answerTerm;
    private final FactsVersion version;

    public FactRecorder(AppealFactRepository facts, AnswerTerm answerTerm, FactsVersion version) {
        this.facts = facts;
        this.answerTerm = answerTerm;
        this.version = version;
    }

    /**
     * A polled batch: every fact it touches loaded and locked at once, the events merged in delivery order, and
     * the changed facts written back by the one flush of the commit.
     */
    public void recordAll(List<IncomingEvent> events) {
        List<AppealEvent> data = events.stream().map(event -> event.dataAs(AppealEvent.class)).toList();
        Map<UUID, Instant> firstEventTimes = new HashMap<>();
        data.forEach(one -> firstEventTimes.merge(one.appealId(), one.occurredAt(),
                (a, b) -> a.isBefore(b) ? a : b));
        Map<UUID, AppealFact> loaded = facts.lockOrCreateAll(firstEventTimes);
        data.forEach(one -> loaded.get(one.appealId()).apply(one, answerTerm::termStartOf));
        version.changing();
    }
}
