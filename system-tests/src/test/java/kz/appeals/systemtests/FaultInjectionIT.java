package kz.appeals.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.appeals.bench.ledger.EventChecks;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.TestInfrastructure;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9's fault injection: the five packaged services as processes against the real test broker and database, front
 * ends submitting throughout, and one fault per scenario — redelivered and reordered events, each service killed by
 * SIGKILL in turn, the broker stopped, PostgreSQL crashed. Each scenario ends with the ledger check over exactly the
 * appeals that got a 201: every one held once by every service, in states that agree, every event delivered.
 *
 * <p>Short by default ({@code ./appeals test}, so CI); {@code ./appeals faults} sets {@code -Dfaults.long=true}: more
 * load around each fault and longer outages. Each knob can also be set alone, e.g. {@code -Dfaults.kafka-outage=120s}
 * (docs/faults.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final boolean LONG = Boolean.getBoolean("faults.long");
    /** Appeals accepted before each fault and again after it: the fault strikes mid-load, and load resumes after. */
    private static final int LOAD_AROUND = knob("faults.load-around", 40, 600);
    /** Appeals taken through two cycles in the redelivery scenario (each one ~8 events on three topics). */
    private static final int LIFECYCLES = knob("faults.lifecycles", 8, 40);
    /**
     * Short: 10 s, more than three times the longest pause in acceptance allowed during it; long: the 60 s. The
     * broker is down longer than that in both: from its SIGTERM until its start has finished.
     */
    private static final Duration KAFKA_OUTAGE = knob("faults.kafka-outage", Duration.ofSeconds(10), Duration.ofSeconds(60));
    private static final Duration POSTGRES_OUTAGE = knob("faults.pg-outage", Duration.ofSeconds(5), Duration.ofSeconds(30));
    /**
     * The Kafka consumer session of the services this test starts ({@code session.timeout.ms}, set through the
     * {@code KAFKA_SESSION_TIMEOUT_MS} environment variable that Quarkus passes to every Kafka client of a service). A
     * consumer killed by SIGKILL never leaves its group: its restarted successor gets partitions only when the dead
     * member's session has expired, and until then the group's partitions stand still. Long mode keeps the services'
     * own value, the client default of 45 s, as in production; short mode uses 10 s, so that each kill costs 10 s of
     * standstill instead of 45 s. What the scenario proves does not depend on the value: the dead member is still
     * replaced only by session expiry, with a backlog behind it. (The broker's minimum is 6 s; 10 s leaves room for
     * heartbeats delayed on a loaded 2-core machine, which would otherwise cost spurious rebalances.)
     */
    private static final Duration SESSION_TIMEOUT = knob("faults.session-timeout", Duration.ofSeconds(10),
            Duration.ofSeconds(45));
    /**
     * How long the ledger may wait for the backlog of a fault to drain. A consumer killed by SIGKILL is only replaced in
     * its group when its session ({@link #SESSION_TIMEOUT}) expires, so its partitions stand still that long after the
     * restart.
     */
    private static final Duration SETTLE = knob("faults.settle", Duration.ofSeconds(150), Duration.ofSeconds(300));
    private static final int SUBMITTERS = 2;
    /** About 30 appeals/s in all on this 2-core machine: a backlog the services can drain within the settle time. */
    private static final Duration PAUSE_AFTER_ACCEPTED = Duration.ofMillis(50);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static final String SETTLEMENT = SampleCitizens.SAMPLE_SETTLEMENT;
    private static final String OFFICE = Tokens.bearer(Tokens.forOffice("akim-office",
            SampleCitizens.SAMPLE_RURAL_DISTRICT));
    private static final String HEAD_OF_OFFICE = Tokens.bearer(Tokens.forOffice("akim-office",
            SampleCitizens.SAMPLE_RURAL_DISTRICT, Map.of("office-head", true)));
    private static final List<String> SCHEMAS = EventChecks.SUBSCRIPTIONS.stream()
            .map(EventChecks.Subscription::schema).toList();
    private static final List<String> LIFECYCLE_TOPICS = List.of(Topics.INTAKE, Topics.ROUTING, Topics.RESPONSE);

    /** The consumer session and, as Kafka advises, a heartbeat of at most a third of it (3 s is the client default). */
    private static final Map<String, String> KAFKA_SESSION = Map.of(
            "KAFKA_SESSION_TIMEOUT_MS", Long.toString(SESSION_TIMEOUT.toMillis()),
            "KAFKA_HEARTBEAT_INTERVAL_MS", Long.toString(Math.min(3000, SESSION_TIMEOUT.toMillis() / 3)));
    private static final ServiceProcess INTAKE = new ServiceProcess("intake", 19181, KAFKA_SESSION);
    private static final ServiceProcess ROUTING = new ServiceProcess("routing", 19182, KAFKA_SESSION);
    private static final ServiceProcess RESPONSE = new ServiceProcess("response", 19183, KAFKA_SESSION);
    private static final ServiceProcess ESCALATION = new ServiceProcess("escalation", 19184, KAFKA_SESSION);
    private static final ServiceProcess ANALYTICS = new ServiceProcess("analytics", 19185, KAFKA_SESSION);
    private static final List<ServiceProcess> SERVICES = List.of(INTAKE, ROUTING, RESPONSE, ESCALATION, ANALYTICS);

    @BeforeAll
    static void startTheSystem() throws Exception {
        System.out.printf("faults: %s mode, load %d appeals around each fault, Kafka down %s, PostgreSQL down %s, "
                        + "consumer session %s%n", LONG ? "long" : "short", LOAD_AROUND, seconds(KAFKA_OUTAGE),
                seconds(POSTGRES_OUTAGE), seconds(SESSION_TIMEOUT));
        for (ServiceProcess service : SERVICES) {
            service.start();
        }
        for (ServiceProcess service : SERVICES) {
            service.awaitReady(START_TIMEOUT);
        }
        lap("start: five services ready");
        given().header("Authorization", Tokens.bearer(Tokens.forRole("admin")))
                .post(ROUTING.baseUrl() + "/api/v1/admin/territory/import?source=sample").then().statusCode(200);
        // intake learns the settlement from routing's territory topic
        ScenarioLoad.awaitAccepting(INTAKE.baseUrl(), SETTLEMENT, Duration.ofSeconds(120));
        lap("start: territory imported, intake accepting");
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        for (ServiceProcess service : SERVICES) {
            service.close();
        }
    }

    /**
     * Escalation and analytics are stopped while appeals go through two cycles (acknowledged, extended, answered,
     * rated as unsatisfying, reopened), then moved past intake's and routing's events of that window: they first
     * receive each appeal's later events alone, and its submission and routing only when the test publishes them again.
     * Then every event of the window is published once more, to every consumer. Nothing may count twice.
     */
    @Test
    @Order(1)
    void redeliveredAndReorderedEventsTakeEffectOnce() throws Exception {
        Instant started = Instant.now();
        lap("redelivery: before");
        awaitAllCaughtUp();
        lap("redelivery: every group caught up");
        Instant since = Instant.now();
        List<ServiceProcess> delayed = List.of(ESCALATION, ANALYTICS);
        // both shut down at once (each leaves its group on the way): nothing of one depends on the other
        delayed.forEach(ServiceProcess::stop);
        for (ServiceProcess service : delayed) {
            service.close();
        }
        lap("redelivery: escalation and analytics stopped");
        TopicWindow window = TopicWindow.open(LIFECYCLE_TOPICS);
        Set<UUID> appeals;
        try (ScenarioLoad load = new ScenarioLoad(INTAKE.baseUrl(), SETTLEMENT, 1, Duration.ZERO).start()) {
            load.awaitMoreAccepted(LIFECYCLES, Duration.ofSeconds(60));
            appeals = load.stop();
        }
        lap("redelivery: appeals accepted");
        for (UUID appeal : appeals) {
            throughTwoCycles(appeal);
        }
        lap("redelivery: two cycles");
        for (String consumer : List.of("intake", "routing", "response")) {
            awaitCaughtUp(consumer);
        }
        awaitOutboxesRelayed(appeals);
        window.close();
        lap("redelivery: caught up, outboxes relayed");
        // both groups moved past the window before either starts; then both start at once
        for (ServiceProcess service : delayed) {
            window.skip(consumer(service), List.of(Topics.INTAKE, Topics.ROUTING));
        }
        for (ServiceProcess service : delayed) {
            service.start();
        }
        for (ServiceProcess service : delayed) {
            service.awaitReady(START_TIMEOUT);
        }
        lap("redelivery: escalation and analytics started and ready");
        for (ServiceProcess service : delayed) {
            awaitCaughtUp(service.name());
        }
        lap("redelivery: escalation and analytics caught up");
        // they applied the answers, ratings and reopenings of appeals they had never heard of
        assertEquals(appeals.size(), count("select count(*) from analytics.appeal_fact where appeal_id = any(?) "
                + "and receipt_number is null and reopened_count = 1", appeals), "analytics before the submissions");
        assertEquals(appeals.size(), count("select count(*) from escalation.deadline where appeal_id = any(?) "
                + "and cycle = 2", appeals), "escalation before the submissions");

        int late = window.republish(List.of(Topics.INTAKE, Topics.ROUTING));
        awaitAllCaughtUp();
        lap("redelivery: late events republished, every group caught up");
        Ledgers.assertConsistentSince(since, appeals, SETTLE);
        lap("redelivery: ledger");
        assertEquals(appeals.size(), count("select count(*) from analytics.appeal_fact where appeal_id = any(?) "
                + "and receipt_number is not null and reopened_count = 1 and extended and rated_satisfied = false "
                + "and outcome_cycle = 1 and redirected_count = 0", appeals), "analytics counted each event once");
        assertEquals(appeals.size(), count("select count(*) from escalation.deadline where appeal_id = any(?) "
                + "and cycle = 2 and status = 'RUNNING'", appeals), "escalation runs the second cycle's clock");

        Map<String, String> before = holdings(appeals);
        int again = window.republish(LIFECYCLE_TOPICS);
        awaitAllCaughtUp();
        lap("redelivery: window republished, every group caught up");
        assertEquals(before, holdings(appeals), "a redelivery changed what the services hold");
        Ledgers.assertConsistentSince(since, appeals, SETTLE);
        lap("redelivery: digest and ledger");
        report("redelivered and reordered", started, appeals.size() + " appeals through two cycles, " + late
                + " submissions and routings delivered after their later events, " + again + " events redelivered");
    }

    /** SIGKILL of intake, routing, response, escalation and analytics in turn under load, each restarted. */
    @Test
    @Order(2)
    void eachServiceKilledMidLoadLosesAndDoublesNothing() throws Exception {
        Instant since = Instant.now();
        List<String> restarts = new ArrayList<>();
        Set<UUID> accepted;
        lap("kill: before");
        try (ScenarioLoad load = load().start()) {
            load.awaitMoreAccepted(LOAD_AROUND, Duration.ofSeconds(120));
            lap("kill: load before the first kill");
            for (ServiceProcess service : SERVICES) {
                Instant killed = Instant.now();
                service.kill();
                service.start().awaitReady(START_TIMEOUT);
                restarts.add(service.name() + " " + seconds(killed));
                lap("kill: " + service.name() + " killed, restarted, ready");
                load.awaitMoreAccepted(LOAD_AROUND, Duration.ofSeconds(120));
                lap("kill: load after " + service.name());
            }
            accepted = load.stop();
            restarts.add("other answers " + load.refusedByStatus());
        }
        awaitAllCaughtUp();
        lap("kill: every group caught up");
        Ledgers.assertConsistentSince(since, accepted, SETTLE);
        lap("kill: ledger");
        report("kill -9 each service", since, accepted.size() + " appeals accepted; killed and ready again: "
                + String.join(", ", restarts));
    }

    /** The broker stopped mid-load: intake answers 201 throughout (the outbox holds the events), all arrive once. */
    @Test
    @Order(3)
    void intakeAcceptsThroughAKafkaOutageAndEverythingArrivesOnce() throws Exception {
        Instant since = Instant.now();
        Set<UUID> accepted;
        String outage;
        try (ScenarioLoad load = load().start()) {
            lap("kafka: before");
            load.awaitMoreAccepted(LOAD_AROUND, Duration.ofSeconds(120));
            lap("kafka: load before the stop");
            int refusedBefore = load.refusedCount();
            Duration stopping = TestInstanceFaults.stopKafka();
            lap("kafka: broker stopped");
            int acceptedBefore = load.acceptedCount();
            Duration longestPause = load.longestPauseInAcceptance(KAFKA_OUTAGE);
            int acceptedDuring = load.acceptedCount() - acceptedBefore;
            assertTrue(longestPause.compareTo(Duration.ofSeconds(3)) < 0, "intake stopped accepting for "
                    + longestPause + " while Kafka was down");
            lap("kafka: broker kept down");
            Duration starting = TestInstanceFaults.startKafka();
            lap("kafka: broker started");
            // the broker is down from the SIGTERM until its start has finished, not only during the wait between
            assertEquals(refusedBefore, load.refusedCount(), "intake refused appeals while Kafka was down: "
                    + load.refusedByStatus());
            load.awaitMoreAccepted(LOAD_AROUND, Duration.ofSeconds(120));
            accepted = load.stop();
            lap("kafka: load after the start");
            outage = String.format("broker stopped in %s, kept down %s (%d appeals accepted, longest pause %d ms), "
                            + "started again in %s; not one refusal", seconds(stopping), seconds(KAFKA_OUTAGE),
                    acceptedDuring, longestPause.toMillis(), seconds(starting));
        }
        awaitAllCaughtUp();
        lap("kafka: every group caught up");
        Ledgers.assertConsistentSince(since, accepted, SETTLE);
        lap("kafka: ledger");
        report("Kafka outage", since, accepted.size() + " appeals accepted; " + outage);
    }

    /**
     * PostgreSQL crashed (immediate stop) mid-load and started again: the services recover without a restart, intake
     * refuses meanwhile only with 503 (or not at all), and nothing is lost or doubled.
     */
    @Test
    @Order(4)
    void aPostgresCrashMidLoadLosesAndDoublesNothing() throws Exception {
        Instant since = Instant.now();
        Set<UUID> accepted;
        Map<Integer, Integer> refused;
        Instant restarted;
        try (ScenarioLoad load = load().start()) {
            lap("postgres: before");
            load.awaitMoreAccepted(LOAD_AROUND, Duration.ofSeconds(120));
            lap("postgres: load before the crash");
            TestInstanceFaults.stopPostgres();
            Thread.sleep(POSTGRES_OUTAGE.toMillis());
            lap("postgres: crashed and kept down");
            TestInstanceFaults.startPostgres();
            restarted = Instant.now();
            lap("postgres: started");
            load.awaitMoreAccepted(LOAD_AROUND, Duration.ofSeconds(120));
            accepted = load.stop();
            refused = load.refusedByStatus();
            lap("postgres: load after the start");
        }
        String recovered = seconds(restarted);
        for (ServiceProcess service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(60));
        }
        lap("postgres: every service ready");
        assertTrue(Set.of(503, -1).containsAll(refused.keySet()), "intake's answers during the outage: " + refused);
        awaitAllCaughtUp();
        lap("postgres: every group caught up");
        Ledgers.assertConsistentSince(since, accepted, SETTLE);
        lap("postgres: ledger");
        report("PostgreSQL crash", since, accepted.size() + " appeals accepted; down " + seconds(POSTGRES_OUTAGE)
                + ", other answers " + refused + ", intake accepting and all services ready again " + recovered
                + " after the start");
    }

    private static ScenarioLoad load() {
        return new ScenarioLoad(INTAKE.baseUrl(), SETTLEMENT, SUBMITTERS, PAUSE_AFTER_ACCEPTED);
    }

    /** Acknowledged, extended by the head, answered, rated as unsatisfying and reopened: a second cycle begins. */
    private static void throughTwoCycles(UUID appeal) throws InterruptedException, SQLException {
        String url = RESPONSE.baseUrl() + "/api/v1/appeals/" + appeal;
        Response detail = awaitValue("response holds " + appeal, () -> {
            Response attempt = given().header("Authorization", OFFICE).get(url);
            return attempt.statusCode() == 200 ? attempt : null;
        });
        officeAction(url + "/acknowledge", OFFICE, null);
        // the last working day within the cap: walking back from the cap over weekends and holidays
        LocalDate due = LocalDate.parse(detail.jsonPath().getString("dueDate"));
        LocalDate day = LocalDate.parse(detail.jsonPath().getString("extensionCap"));
        int status = 0;
        for (; status != 200 && day.isAfter(due); day = day.minusDays(1)) {
            status = given().header("Authorization", HEAD_OF_OFFICE).contentType(ContentType.JSON)
                    .body("{\"newDueDate\":\"" + day + "\",\"reason\":\"Жер учаскесін тексеру қажет.\"}")
                    .post(url + "/extend").statusCode();
        }
        assertEquals(200, status, "no extension of " + appeal + " was accepted");
        officeAction(url + "/answer", OFFICE,
                "{\"outcome\":\"EXPLAINED\",\"language\":\"kk\",\"text\":\"Өтінішіңіз қаралды.\"}");
        String applicant = "{\"applicantRef\":\"" + applicantRef(appeal) + "\"";
        String citizen = RESPONSE.baseUrl() + "/api/v1/citizen/appeals/" + appeal;
        String frontend = Tokens.bearer(Tokens.forRole("frontend"));
        officeAction(citizen + "/rating", frontend, applicant + ",\"satisfied\":false}");
        officeAction(citizen + "/reopen", frontend, applicant + ",\"reason\":\"Жол әлі жөнделген жоқ.\"}");
    }

    private static void officeAction(String url, String bearer, String body) {
        var request = given().header("Authorization", bearer);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        Response response = request.post(url);
        assertEquals(200, response.statusCode(), url + ": " + response.asString());
    }

    private static String applicantRef(UUID appeal) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select applicant_ref from response.appeal_applicant where appeal_id = ?")) {
            query.setObject(1, appeal);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "response has no applicant for " + appeal);
                return row.getString(1);
            }
        }
    }

    /** Waits until no outbox row of the appeals is unpublished: everything their lifecycle produced is on the topics. */
    private static void awaitOutboxesRelayed(Collection<UUID> appeals) throws SQLException, InterruptedException {
        String unpublished = String.join(" + ", SCHEMAS.stream().map(schema -> "(select count(*) from "
                + schema + ".outbox_event where published_at is null and aggregateid = any(?::text[]))").toList());
        awaitValue("the outboxes relayed", () -> {
            try (Connection db = database(); PreparedStatement query = db.prepareStatement("select " + unpublished)) {
                for (int i = 1; i <= SCHEMAS.size(); i++) {
                    query.setArray(i, db.createArrayOf("text", appeals.stream().map(UUID::toString).toArray()));
                }
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1) == 0 ? true : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Every row any schema holds about the appeals, per table: their count and a digest of their full text. Any effect
     * of an event, counters and timestamps included, changes it.
     */
    private static Map<String, String> holdings(Collection<UUID> appeals) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        try (Connection db = database()) {
            List<String[]> tables = new ArrayList<>();
            try (PreparedStatement columns = db.prepareStatement("select table_schema, table_name, column_name "
                    + "from information_schema.columns where table_schema = any(?) and (column_name in "
                    + "('appeal_id', 'aggregateid') or (table_name = 'appeal' and column_name = 'id' and "
                    + "table_schema = 'intake'))")) {
                columns.setArray(1, db.createArrayOf("text", SCHEMAS.toArray()));
                try (ResultSet row = columns.executeQuery()) {
                    while (row.next()) {
                        tables.add(new String[]{row.getString(1), row.getString(2), row.getString(3)});
                    }
                }
            }
            for (String[] table : tables) {
                String name = table[0] + "." + table[1];
                try (PreparedStatement query = db.prepareStatement("select count(*) || ' ' || coalesce(md5(string_agg("
                        + "t::text, '|' order by t::text)), '') from " + name + " t where " + table[2]
                        + "::text = any(?)")) {
                    query.setArray(1, db.createArrayOf("text", appeals.stream().map(UUID::toString).toArray()));
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        digests.put(name, row.getString(1));
                    }
                }
            }
        }
        return digests;
    }

    private static long count(String sql, Collection<UUID> appeals) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("uuid", appeals.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.JDBC_URL, "postgres", "postgres");
    }

    /**
     * Waits until every consumer group has read up to the topics' ends as they are now (each group in turn, each within
     * the settle time). Before a ledger check it spares the ledger its expensive rounds over a backlog still draining
     * (a round over a few thousand appeals takes seconds, on a loaded machine a minute or more): the ledger still
     * checks everything, and still retries for what the catching up itself published.
     */
    private static void awaitAllCaughtUp() {
        for (EventChecks.Subscription subscription : EventChecks.SUBSCRIPTIONS) {
            KafkaProbe.awaitCaughtUp(subscription.consumer(), subscription.topics(), SETTLE);
        }
    }

    private static void awaitCaughtUp(String schema) {
        EventChecks.Subscription subscription = EventChecks.SUBSCRIPTIONS.stream()
                .filter(s -> s.schema().equals(schema)).findFirst().orElseThrow();
        KafkaProbe.awaitCaughtUp(subscription.consumer(), subscription.topics(), SETTLE);
    }

    private static String consumer(ServiceProcess service) {
        return service.name() + "-service";
    }

    private static <T> T awaitValue(String what, Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Timed out waiting until " + what);
    }

    /** One line per scenario in the failsafe output, for docs/faults.md: what happened, how long it took, the load. */
    private static void report(String scenario, Instant started, String what) throws java.io.IOException {
        String load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        System.out.printf("faults: %s (%s mode) passed in %s: %s; load average %s%n", scenario, LONG ? "long" : "short",
                seconds(started), what, load);
    }

    private static Instant lapStarted = Instant.now();

    /**
     * One line per phase in the failsafe output ({@code faults:   <phase> <seconds> (load <1-min average>)}): where a
     * scenario's time goes, measured from the previous phase's end.
     */
    private static void lap(String phase) {
        String load;
        try {
            load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            load = "?";
        }
        System.out.printf("faults:   %-60s %7s (load %s)%n", phase, seconds(lapStarted), load);
        lapStarted = Instant.now();
    }

    private static String seconds(Instant since) {
        return seconds(Duration.between(since, Instant.now()));
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static int knob(String property, int shortValue, int longValue) {
        return Integer.getInteger(property, LONG ? longValue : shortValue);
    }

    /** A duration knob such as {@code 60s} or {@code 2m}. */
    private static Duration knob(String property, Duration shortValue, Duration longValue) {
        String value = System.getProperty(property);
        return value == null ? (LONG ? longValue : shortValue) : Duration.parse("PT" + value.toUpperCase());
    }
}
