package kz.appeals.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.analytics.domain.AnswerTerm;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.platform.inbox.IncomingEvent;

/** Merges a lifecycle event into its appeal's fact, inside the inbox transaction that deduplicates it. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FactRecorder {

    private final AppealFactRepository facts;
    private final AnswerTerm answerTerm;

    public FactRecorder(AppealFactRepository facts, AnswerTerm answerTerm) {
        this.facts = facts;
        this.answerTerm = answerTerm;
    }

    public void record(IncomingEvent event) {
        AppealEvent data = event.dataAs(AppealEvent.class);
        facts.lockOrCreate(data.appealId(), data.occurredAt()).apply(data, answerTerm::termStartOf);
    }
}
