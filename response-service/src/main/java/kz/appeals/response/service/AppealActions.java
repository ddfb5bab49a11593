package kz.appeals.response.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealAnswer;
import kz.appeals.response.domain.StatusChange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The write of an office's or an applicant's action on one appeal, without the ORM: one statement per table on the
 * action's connection, the service-wide audit trail, and the event in the outbox, all in the action's transaction so
 * that the event is published if and only if the change committed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AppealActions {

    private final AuditTrail trail;
    private final Outbox outbox;

    public AppealActions(AuditTrail trail, Outbox outbox) {
        this.trail = trail;
        this.outbox = outbox;
    }

    /**
     * Writes what {@code change} did to {@code appeal}, as read in {@code held}. The appeal's row goes first and only
     * if nobody changed it since it was read; every change moves its version on, a rating included, so two ratings or
     * two answers at once cannot both pass their rules.
     *
     * @throws OptimisticLockException when another account or a routing or escalation event changed the appeal
     *                                 meanwhile (the API's 409 {@code concurrent-update}); nothing is written then
     */
    void save(Connection connection, AppealTable.Held held, Appeal appeal, StatusChange change, AppealEvent event)
            throws SQLException {
        if (!AppealTable.update(connection, appeal.snapshot(), held.version())) {
            throw new OptimisticLockException("Appeal " + appeal.id() + " changed since this action read it");
        }
        AppealAnswerTable.write(connection, appeal.id(), appeal.answers().stream().map(AppealAnswer::snapshot)
                .filter(answer -> !held.answers().contains(answer)).toList());
        AppealAuditTable.insert(connection, List.of(new AppealAuditTable.Row(appeal.id(), change)));
        trail.record(change.action(), "appeal:" + appeal.id(), change.summary());
        outbox.record(event);
    }
}
