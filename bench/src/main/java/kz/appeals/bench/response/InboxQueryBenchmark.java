package kz.appeals.bench.response;

import kz.appeals.bench.CommandLine;
import kz.appeals.response.service.InboxFilter;
import kz.appeals.response.service.InboxSql;
import kz.appeals.response.service.InboxSql.Statement;
import kz.appeals.response.service.Viewer;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Times the response service's own inbox queries ({@link InboxSql}, the SQL the service runs) on its own schema (the
 * service's Flyway migrations, read from its jar) in a PostgreSQL database seeded with {@code --appeals} appeals, of
 * which one office holds {@code --office-open} open ones. One sample is one inbox request: the page query and the
 * count query, as the service issues them.
 *
 * <p>Needs a role that may create a schema: by default the superuser of the throwaway test instance that
 * {@code ./appeals infra up --test} starts. The schema is dropped at the end unless {@code --keep}, and a kept one of
 * the same size is reused.
 */
public final class InboxQueryBenchmark {

    static final String USAGE = """
            Usage: ./appeals bench inbox-query [--name=value ...]

            Seeds a schema with the response service's tables and times its inbox queries for one office.

              --jdbc=URL          database (default jdbc:postgresql://127.0.0.1:16432/appeals, the test instance)
              --user=NAME         a role that may create schemas (default postgres)
              --password=SECRET   its password (default postgres)
              --schema=NAME       schema to create and seed (default response_bench)
              --appeals=N         appeals in the database (default 1000000)
              --office-open=N     open appeals of the measured office (default 10000)
              --requests=N        timed inbox requests per query shape, after as many for warm-up (default 2000)
              --keep              keep the seeded schema (a later run with the same sizes reuses it)
            """;

    /** The office whose inbox is timed; every other appeal belongs to one of the other offices. */
    static final String OFFICE = "991021000";
    static final int OTHER_OFFICES = 2_333;

    private InboxQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        boolean keep = arguments.contains("--keep");
        Map<String, String> options = CommandLine.options(
                arguments.stream().filter(arg -> !arg.equals("--keep")).toArray(String[]::new),
                Set.of("jdbc", "user", "password", "schema", "appeals", "office-open", "requests"));
        String url = options.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:16432/appeals");
        String schema = options.getOrDefault("schema", "response_bench");
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--schema must be a plain lowercase identifier");
        }
        int appeals = Integer.parseInt(options.getOrDefault("appeals", "1000000"));
        int officeOpen = Integer.parseInt(options.getOrDefault("office-open", "10000"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
        if (officeOpen >= appeals || requests < 1) {
            throw new IllegalArgumentException("--office-open must be below --appeals, --requests at least 1");
        }
        try (Connection db = DriverManager.getConnection(url, options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", "postgres"))) {
            db.setAutoCommit(true);
            long seedStart = System.nanoTime();
            boolean reused = seed(db, schema, appeals, officeOpen);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            System.err.printf(Locale.ROOT, "%s %,d appeals in schema %s in %.1f s%n", reused ? "reused" : "seeded",
                    appeals, schema, seedSeconds);

            LocalDate today = LocalDate.now(ZoneOffset.ofHours(5));
            Viewer office = Viewer.office(OFFICE);
            Map<String, Shape> shapes = new LinkedHashMap<>();
            shapes.put("all", new Shape(InboxFilter.NONE, null));
            shapes.put("open", new Shape(new InboxFilter(null, true, null, null, false, false, null), null));
            shapes.put("overdue", new Shape(new InboxFilter(null, false, null, null, true, false, null), null));
            // Due within 5 working days: a week of calendar days is what the service's calendar gives outside
            // holidays; the benchmark has no need of the calendar itself.
            shapes.put("due-within-5", new Shape(new InboxFilter(null, false, null, 5, false, false, null),
                    today.plusDays(7)));
            shapes.put("category", new Shape(new InboxFilter(null, true, "roads", null, false, false, null), null));
            shapes.put("escalated", new Shape(new InboxFilter(null, false, null, null, false, true, null), null));
            shapes.put("open-page-50", new Shape(new InboxFilter(null, true, null, null, false, false, null), null));

            StringBuilder json = new StringBuilder();
            json.append(String.format(Locale.ROOT, "{\"benchmark\":\"inbox-query\",\"appeals\":%d,"
                    + "\"officeOpen\":%d,\"requests\":%d,\"pageSize\":20,\"shapes\":{", appeals, officeOpen, requests));
            boolean first = true;
            for (Map.Entry<String, Shape> entry : shapes.entrySet()) {
                int page = entry.getKey().equals("open-page-50") ? 50 : 0;
                Shape shape = entry.getValue();
                Statement pageQuery = InboxSql.page(office, shape.filter(), today, shape.dueBy(), page, 20);
                Statement countQuery = InboxSql.count(office, shape.filter(), today, shape.dueBy());
                Histogram histogram = new Histogram(60_000_000_000L, 3);
                long total = 0;
                try (PreparedStatement pageStatement = prepare(db, schema, pageQuery);
                     PreparedStatement countStatement = prepare(db, schema, countQuery)) {
                    for (int i = 0; i < 2 * requests; i++) {
                        long start = System.nanoTime();
                        int rows = drain(pageStatement);
                        total = count(countStatement);
                        long elapsed = System.nanoTime() - start;
                        if (i >= requests) {
                            histogram.recordValue(elapsed);
                        }
                        if (rows == 0 && total > (long) page * 20) {
                            throw new IllegalStateException(entry.getKey() + ": page empty but " + total + " match");
                        }
                    }
                }
                System.err.printf(Locale.ROOT, "%-14s matches %,7d  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                        entry.getKey(), total, ms(histogram.getValueAtPercentile(50)),
                        ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()));
                json.append(first ? "" : ",").append(String.format(Locale.ROOT,
                        "\"%s\":{\"matches\":%d,\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f}",
                        entry.getKey(), total, ms(histogram.getValueAtPercentile(50)),
                        ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(99)),
                        ms(histogram.getMaxValue())));
                first = false;
            }
            System.out.println(json.append("}}"));
            if (!keep) {
                try (var statement = db.createStatement()) {
                    statement.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    private record Shape(InboxFilter filter, LocalDate dueBy) {
    }

    /**
     * Creates the schema with the service's migrations and fills it, unless a kept schema of the same sizes exists.
     *
     * @return whether a kept schema was reused
     */
    static boolean seed(Connection db, String schema, int appeals, int officeOpen) throws SQLException, IOException {
        try (var statement = db.createStatement()) {
            try (ResultSet kept = statement.executeQuery("select obj_description(oid, 'pg_namespace') from "
                    + "pg_namespace where nspname = '" + schema + "'")) {
                if (kept.next() && (appeals + "/" + officeOpen).equals(kept.getString(1))) {
                    return true;
                }
            }
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
            statement.execute("set search_path = " + schema);
            for (String migration : List.of("V1__appeal_and_audit.sql", "V2__terms_answers_ratings.sql")) {
                statement.execute(resource("/db/migration/" + migration));
            }
            // The run vacuums itself once the data is in: an autovacuum ANALYZE running meanwhile would hold back
            // the visibility map, and with it the index-only scans a long-lived database has.
            for (String table : List.of("appeal", "appeal_escalation")) {
                statement.execute("alter table " + table + " set (autovacuum_enabled = false)");
            }
            // The measured office: its open appeals, and as many answered ones, with due dates from 30 days ago to
            // 60 days ahead so that some are overdue. Every other appeal belongs to another office: 30 % open.
            int officeAnswered = Math.min(officeOpen, appeals - officeOpen);
            int others = appeals - officeOpen - officeAnswered;
            statement.execute(insert("'" + OFFICE + "'", "'IN_WORK'", officeOpen, 0));
            statement.execute(insert("'" + OFFICE + "'", "'ANSWERED'", officeAnswered, officeOpen));
            statement.execute(insert("lpad((100000 + g % " + OTHER_OFFICES + ")::text, 6, '0') || '000'",
                    "case when g % 10 < 3 then 'ROUTED' else 'ANSWERED' end", others, officeOpen + officeAnswered));
            // One appeal in a hundred escalated, the office's among them.
            statement.execute("insert into appeal_escalation (appeal_id, from_body_code, to_body_code, to_body_level,"
                    + " to_body_kato, escalated_at) select appeal_id, body_code, 'DA-' || district_kato,"
                    + " 'DISTRICT_AKIMAT', district_kato, now() from appeal where hashtext(appeal_id::text) % 100 = 0");
            // As the service's escalation consumer does.
            statement.execute("update appeal set escalated = true where appeal_id in (select appeal_id from"
                    + " appeal_escalation)");
            statement.execute("vacuum analyze appeal");
            statement.execute("vacuum analyze appeal_escalation");
            // Measured here: the first pass leaves about a tenth of the pages out of the visibility map (its cutoff
            // still excludes the newest inserts); the second marks them, as a long-lived database's autovacuum has.
            statement.execute("vacuum appeal");
            statement.execute("comment on schema " + schema + " is '" + appeals + "/" + officeOpen + "'");
            return false;
        }
    }

    /** {@code count} appeals numbered from {@code offset + 1}; categories rotate over six, days over a year. */
    private static String insert(String bodyKato, String status, int count, int offset) {
        return "insert into appeal (appeal_id, receipt_number, body_code, body_kato, rural_district_kato, district_kato,"
                + " region_kato, category_code, appeal_type, language, description, registration_day, status, cycle,"
                + " routing_occurred_at, version, created_at, updated_at, term_start, due_date)"
                + " select gen_random_uuid(), 'KZ-BENCH-' || (g + " + offset + "), 'RD-' || kato, kato, kato,"
                + " substr(kato, 1, 4) || '00000', substr(kato, 1, 2) || '0000000',"
                + " (array['roads','yards','playgrounds','lighting','water','waste'])[1 + (g + " + offset + ") % 6],"
                + " 'APPLICATION', 'ru', 'Benchmark appeal', reg, " + status + ", 1, now(), 0, now(), now(),"
                + " reg, reg + 21"
                + " from (select g, " + bodyKato + " as kato, current_date - 51 + (g % 90) as reg"
                + " from generate_series(1, " + count + ") g) s";
    }

    private static PreparedStatement prepare(Connection db, String schema, Statement query) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute("set search_path = " + schema);
        }
        PreparedStatement prepared = db.prepareStatement(query.sql());
        List<Object> parameters = query.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            prepared.setObject(i + 1, parameters.get(i));
        }
        return prepared;
    }

    private static int drain(PreparedStatement statement) throws SQLException {
        int rows = 0;
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static long count(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = InboxQueryBenchmark.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " not on the class path: is response-service in the jar?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
