package kz.appeals.bench.ledger;

import kz.appeals.contracts.EventType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventChecksTest {

    @Test
    void everyConsumedTypeComesFromAnotherServicesOutbox() {
        for (EventChecks.Subscription subscription : EventChecks.SUBSCRIPTIONS) {
            for (EventType type : subscription.types()) {
                String producer = EventChecks.PRODUCERS.get(type.topic());
                assertTrue(producer != null && !producer.equals(subscription.schema()),
                        subscription.consumer() + " consumes " + type);
            }
        }
    }

    @Test
    void deliveriesAreCheckedForEveryProducerAndConsumerPair() {
        String sql = EventChecks.ALL.stream().filter(check -> check.name().equals("events-delivered")).findFirst()
                .orElseThrow().sql();
        // intake, response and escalation hear from three producers, routing from two, analytics from all four
        assertEquals(15, sql.split("from [a-z]+\\.outbox_event").length - 1);
        assertEquals(5, sql.split("left join [a-z]+\\.inbox_event").length - 1);
        assertTrue(sql.contains("left join analytics.inbox_event inbox on inbox.consumer = 'analytics-service'"));
    }
}
