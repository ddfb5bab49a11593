package kz.appeals.contracts;

import java.util.List;

/**
 * Kafka topics of the published contract. Each producing service writes only its own topic; the record key is the
 * event's subject: the appeal id on lifecycle topics, so that one appeal's events stay in order within a topic, and
 * the KATO code on the compacted territory topic.
 */
public final class Topics {

    public static final String INTAKE = "appeals.intake";
    public static final String ROUTING = "appeals.routing";
    public static final String RESPONSE = "appeals.response";
    public static final String ESCALATION = "appeals.escalation";
    /** Compacted: the current territorial reference (key = KATO code), published by routing. */
    public static final String TERRITORY = "appeals.territory";
    /** Compacted: the working calendar per year loaded by an operator (key = the year), published by escalation. */
    public static final String CALENDAR = "appeals.calendar";

    /** Lifecycle topics in the order an appeal usually crosses them. */
    public static final List<String> LIFECYCLE = List.of(INTAKE, ROUTING, RESPONSE, ESCALATION);

    /** Where a consumer parks a record it cannot process, with the reason in the record headers. */
    public static String deadLetter(String consumerService) {
        return "appeals.dlq." + consumerService;
    }

    private Topics() {
    }
}
