package kz.appeals.bench.ledger;

import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger's set-based checks of events and keys, each one SQL statement whose rows are the population checked:
 * {@code subject} (what is checked), {@code appeal_id} (the appeal it concerns, if any) and {@code problem} (null when
 * consistent). Scoped by {@code ledger.since} and {@code ledger.appeals} like {@link HoldingsQuery}.
 */
public final class EventChecks {

    /** @param sql selects {@code subject, appeal_id, problem} */
    record SetCheck(String name, String why, String sql) {
    }

    /**
     * Which lifecycle events each service consumes and records in its inbox, as each service's messaging consumers
     * declare them; a type a consumer skips leaves no inbox row and is not expected here.
     */
    public record Subscription(String schema, Set<EventType> types) {

        /** The inbox's consumer name, which is also the service's Kafka consumer group. */
        public String consumer() {
            return schema + "-service";
        }

        public List<String> topics() {
            return types.stream().map(EventType::topic).distinct().sorted().toList();
        }
    }

    public static final List<Subscription> SUBSCRIPTIONS = List.of(
            new Subscription("intake", EnumSet.of(EventType.ROUTED, EventType.REDIRECTED, EventType.NEEDS_TRIAGE,
                    EventType.OUTSIDE_COMPETENCE, EventType.ACKNOWLEDGED, EventType.EXTENDED,
                    EventType.REDIRECT_REQUESTED, EventType.ANSWERED, EventType.RATED, EventType.REOPENED,
                    EventType.DEEMED_REFUSED, EventType.ESCALATED, EventType.DUE_DATE_RECALCULATED)),
            new Subscription("routing", EnumSet.of(EventType.SUBMITTED, EventType.REDIRECT_REQUESTED,
                    EventType.ANSWERED, EventType.REOPENED)),
            new Subscription("response", EnumSet.of(EventType.SUBMITTED, EventType.ROUTED, EventType.REDIRECTED,
                    EventType.ESCALATED, EventType.DUE_DATE_RECALCULATED)),
            new Subscription("escalation", EnumSet.of(EventType.SUBMITTED, EventType.ROUTED, EventType.REDIRECTED,
                    EventType.OUTSIDE_COMPETENCE, EventType.ANSWERED, EventType.EXTENDED, EventType.REOPENED)),
            new Subscription("analytics", EnumSet.of(EventType.SUBMITTED, EventType.ROUTED, EventType.REDIRECTED,
                    EventType.EXTENDED, EventType.ANSWERED, EventType.RATED, EventType.REOPENED,
                    EventType.DEEMED_REFUSED, EventType.ESCALATED)));

    /** The schema whose outbox publishes each lifecycle topic. */
    static final Map<String, String> PRODUCERS = Map.of(Topics.INTAKE, "intake", Topics.ROUTING, "routing",
            Topics.RESPONSE, "response", Topics.ESCALATION, "escalation");

    static final List<String> SCHEMAS = List.of("intake", "routing", "response", "escalation", "analytics");

    /** "At most one row" in the holdings and the inboxes rests on these keys: schema, table, key columns. */
    static final List<List<String>> KEYS = List.of(
            List.of("intake", "appeal", "id"),
            List.of("intake", "appeal_progress", "appeal_id"),
            List.of("routing", "routed_appeal", "appeal_id"),
            List.of("response", "appeal", "appeal_id"),
            List.of("response", "appeal_applicant", "appeal_id"),
            List.of("response", "appeal_answer", "appeal_id,cycle"),
            List.of("escalation", "deadline", "appeal_id"),
            List.of("analytics", "appeal_fact", "appeal_id"),
            List.of("intake", "inbox_event", "consumer,event_id"),
            List.of("routing", "inbox_event", "consumer,event_id"),
            List.of("response", "inbox_event", "consumer,event_id"),
            List.of("escalation", "inbox_event", "consumer,event_id"),
            List.of("analytics", "inbox_event", "consumer,event_id"));

    private static final String SINCE = "cast(current_setting('ledger.since') as timestamptz)";
    /** The events of the appeals in scope. */
    static final String IN_SCOPE = inScope("aggregateid");

    static final List<SetCheck> ALL = List.of(
            new SetCheck("unique-keys",
                    "each service holds an appeal, and each inbox an event id, at most once only while its unique key "
                            + "exists; the ledger checks presence and relies on the key for the rest",
                    keysSql()),
            new SetCheck("outbox-relayed",
                    "an outbox row the relay has not published is an event no other service has seen",
                    SCHEMAS.stream().map(schema -> """
                            select cast(id as text) as subject, aggregateid as appeal_id,
                                   case when published_at is null then '%1$s outbox holds ' || type || ' unpublished' end
                                       as problem
                            from %1$s.outbox_event where occurred_at >= %2$s and %3$s"""
                            .formatted(schema, SINCE, IN_SCOPE))
                            .collect(Collectors.joining("\nunion all\n"))),
            new SetCheck("events-delivered",
                    "a published event of a type a service consumes is recorded in that service's inbox exactly once "
                            + "(insert-first inbox); missing means lost or dead-lettered",
                    deliveriesSql()));

    private EventChecks() {
    }

    /**
     * Whether the appeal whose id (as text) {@code column} holds is in scope: all, or those {@code --appeals} lists.
     * The list is a hashed sub-plan built once per statement; {@code = any(string_to_array(...))} parsed the whole
     * setting again for every row, and comparing the setting with '' copied it per row: 64 s of a fault test's
     * ledger over 4,938 appeals, against well under a second now.
     */
    static String inScope(String column) {
        return "(current_setting('ledger.scoped') = 'false' or " + column
                + " in (select unnest(string_to_array(current_setting('ledger.appeals'), ','))))";
    }

    private static String keysSql() {
        String expected = KEYS.stream()
                .map(key -> "('%s', '%s', '%s')".formatted(key.get(0), key.get(1), key.get(2)))
                .collect(Collectors.joining(", "));
        return """
                select expected.schema_name || '.' || expected.table_name || ' (' || expected.columns || ')' as subject,
                       null as appeal_id,
                       case when not exists (
                           select from pg_index x
                           join pg_class c on c.oid = x.indrelid
                           join pg_namespace n on n.oid = c.relnamespace
                           where n.nspname = expected.schema_name and c.relname = expected.table_name
                             and x.indisunique and x.indpred is null
                             and (select string_agg(a.attname, ',' order by k.position)
                                  from unnest(x.indkey) with ordinality as k (attnum, position)
                                  join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum) = expected.columns)
                       then 'no unique key' end as problem
                from (values %s) as expected (schema_name, table_name, columns)""".formatted(expected);
    }

    /**
     * One branch per consuming service: the published events of the types it consumes, from every producer's outbox,
     * against its inbox, so that each inbox is read once.
     */
    private static String deliveriesSql() {
        return SUBSCRIPTIONS.stream().map(EventChecks::deliverySql).collect(Collectors.joining("\nunion all\n"));
    }

    private static String deliverySql(Subscription subscription) {
        String published = PRODUCERS.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(producer -> publishedSql(producer.getValue(), subscription.types().stream()
                        .filter(type -> type.topic().equals(producer.getKey())).toList()))
                .filter(sql -> !sql.isEmpty())
                .collect(Collectors.joining("\n    union all\n"));
        return """
                select cast(o.id as text) as subject, o.aggregateid as appeal_id,
                       case when inbox.event_id is null then '%1$s never recorded ' || o.type || ' from ' || o.producer end
                           as problem
                from (
                    %3$s) as o
                left join %2$s.inbox_event inbox on inbox.consumer = '%1$s' and inbox.event_id = o.id"""
                .formatted(subscription.consumer(), subscription.schema(), published);
    }

    private static String publishedSql(String producer, List<EventType> types) {
        if (types.isEmpty()) {
            return "";
        }
        String wireNames = types.stream().map(type -> "'" + type.wireName() + "'").sorted()
                .collect(Collectors.joining(", "));
        return """
                select id, aggregateid, type, '%1$s' as producer from %1$s.outbox_event
                    where published_at is not null and occurred_at >= %2$s and type in (%3$s) and %4$s"""
                .formatted(producer, SINCE, wireNames, IN_SCOPE);
    }
}
