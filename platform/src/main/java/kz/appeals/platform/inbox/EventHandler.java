package kz.appeals.platform.inbox;

/** The effect of one event, run inside the transaction that also records the event in the inbox. */
@FunctionalInterface
public interface EventHandler {
    void handle(IncomingEvent event);
}
