package kz.appeals.platform.inbox;

import java.util.List;

/**
 * The effect of several events at once, run inside the transaction that records them in the inbox: for a
 * consumer whose effect per event is small next to the round trips it costs (a projection loads every row the
 * batch touches in one query and writes them back in one flush). The events are first deliveries, in the order
 * their partitions delivered them.
 */
@FunctionalInterface
public interface BatchEventHandler {
    void handleAll(List<IncomingEvent> events);
}
