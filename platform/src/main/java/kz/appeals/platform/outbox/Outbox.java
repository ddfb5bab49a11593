package kz.appeals.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.tracing.EventTracing;
import kz.appeals.platform.transaction.AfterCommit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the same transaction as the state change they describe. Nothing is sent here: the
 * {@link OutboxRelay} publishes committed rows, so a crash after commit delays an event but never loses it.
 *
 * <p>A transaction's events are collected and written together, in one statement, when the transaction calls
 * {@link #flush} or else just before it commits: a consumer's batch or a group of submissions pays one round trip
 * for all its events, however many handlers recorded them. They are published in the order recorded.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final EventTracing tracing;
    /** Where the current transaction keeps the rows it has recorded and not yet written. */
    private final Object pendingRowsKey = new Object();

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
                  EventTracing tracing) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.tracing = tracing;
    }

    /** @return the event id, which becomes the CloudEvents {@code id} */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(ContractEvent event) {
        return recordAll(List.of(event)).get(0);
    }

    /**
     * Several events, published in the order given after those this transaction recorded before.
     *
     * @return the event ids, in the order of {@code events}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<? extends ContractEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<OutboxTable.NewRow> pending = pendingRows();
        // per event: a batch's handlers each record inside the span of the event they apply
        String tracingContext = tracing.currentContext();
        List<UUID> ids = new ArrayList<>(events.size());
        for (ContractEvent event : events) {
            EventType type = EventType.of(event.getClass());
            UUID id = UUID.randomUUID();
            // occurred_at, from which the relay sets ce_time, holds microseconds: the data says the same instant
            Instant occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
            pending.add(new OutboxTable.NewRow(id, aggregateType(type), event.subject(), type.wireName(),
                    toJson(event, occurredAt), type.topic(), occurredAt, tracingContext));
            ids.add(id);
        }
        return ids;
    }

    /**
     * Writes the events this transaction recorded so far, in one statement. Optional: commit writes the rest. A
     * caller that handles failures calls it as its work's last step, so that a failure to write is seen there, with
     * its cause, instead of as a rolled-back commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        writePending();
    }

    @SuppressWarnings("unchecked")
    private List<OutboxTable.NewRow> pendingRows() {
        List<OutboxTable.NewRow> pending = (List<OutboxTable.NewRow>) transactions.getResource(pendingRowsKey);
        if (pending == null) {
            pending = new ArrayList<>();
            transactions.putResource(pendingRowsKey, pending);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    writePending();
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            AfterCommit.run(transactions, relay::wakeUp);
        }
        return pending;
    }

    @SuppressWarnings("unchecked")
    private void writePending() {
        List<OutboxTable.NewRow> pending = (List<OutboxTable.NewRow>) transactions.getResource(pendingRowsKey);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        // the transaction's own connection: the pool hands the one enlisted in it
        try (Connection connection = dataSource.getConnection()) {
            OutboxTable.insert(connection, pending);
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox rows could not be written: " + e.getMessage(), e);
        }
        pending.clear();
    }

    private static String aggregateType(EventType type) {
        return switch (type) {
            case SETTLEMENT_PUBLISHED -> "settlement";
            case TERRITORIAL_UNIT_PUBLISHED -> "territorial-unit";
            default -> "appeal";
        };
    }

    private static String toJson(ContractEvent event, Instant occurredAt) {
        ObjectMapper mapper = ContractJson.mapper();
        try {
            if (occurredAt.equals(event.occurredAt())) {
                return mapper.writeValueAsString(event);
            }
            ObjectNode data = mapper.valueToTree(event);
            data.set("occurredAt", mapper.valueToTree(occurredAt));
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event cannot be serialised: " + event.getClass().getSimpleName(), e);
        }
    }
}
