package kz.appeals.bench.ceilings;

import kz.appeals.bench.CommandLine;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * PostgreSQL's single-row commit rate: {@code workers} connections, each inserting one ~1 KB row per transaction
 * (autocommit, the server's own durability settings) into a scratch table {@code bench_commit_probe} in the role's
 * schema, dropped afterwards. It is the ceiling under any service that makes one durable commit per request.
 */
public final class PostgresCommitProbe {

    /** About the size of an appeal row with its sealed applicant. */
    private static final String PAYLOAD = "x".repeat(1024);

    private PostgresCommitProbe() {
    }

    public static Phase run(String jdbc, String user, String password, int workers, Duration duration)
            throws Exception {
        try (Connection admin = DriverManager.getConnection(jdbc, user, password);
             Statement ddl = admin.createStatement()) {
            ddl.execute("create table if not exists bench_commit_probe (id bigserial primary key, "
                    + "id2 uuid not null, payload text not null, at timestamptz not null default now())");
        }
        Histogram micros = new ConcurrentHistogram(3);
        LongAdder commits = new LongAdder();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            threads.add(CommandLine.daemon(() -> {
                try (Connection connection = DriverManager.getConnection(jdbc, user, password);
                     PreparedStatement insert = connection.prepareStatement(
                             "insert into bench_commit_probe (id2, payload) values (?, ?)")) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, PAYLOAD);
                        insert.executeUpdate();
                        micros.recordValue((System.nanoTime() - started) / 1000);
                        commits.increment();
                    }
                } catch (SQLException e) {
                    statuses.computeIfAbsent(e.getSQLState(), key -> new LongAdder()).increment();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        try (Connection admin = DriverManager.getConnection(jdbc, user, password);
             Statement ddl = admin.createStatement()) {
            ddl.execute("drop table bench_commit_probe");
        }
        return Phase.of(commits, duration.toNanos() / 1e9, micros, statuses);
    }
}
