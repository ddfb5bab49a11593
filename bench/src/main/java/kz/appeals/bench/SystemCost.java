package kz.appeals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a window of work cost the whole running system: CPU of every process the instance started (the five
 * services, Kafka, PostgreSQL with all its backends; read from the operating system, so it does not depend on what
 * else kept the cores busy), of the load generator itself, and the database's work from {@code pg_stat_database}
 * (commits, rows inserted, updated and fetched). Divided by the appeals of the window, it is the cost per appeal
 * issue 19 sets targets for.
 */
public final class SystemCost {

    public static final Path SYSTEM_PIDS = Path.of(".run/system/pids");
    public static final String LOAD_GENERATOR = "load-generator";

    private final Map<String, Long> processes;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private SystemCost(Map<String, Long> processes, String jdbcUrl, String user, String password) {
        this.processes = processes;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * @param pids the instance's pid files ({@code <name>.pid}); only live processes are followed
     * @param jdbcUrl the instance's database, read with a role that may see {@code pg_stat_database}
     */
    public static SystemCost of(Path pids, String jdbcUrl, String user, String password) throws IOException {
        return new SystemCost(runningProcesses(pids), jdbcUrl, user, password);
    }

    public Map<String, Long> processes() {
        return processes;
    }

    /** Counters at one moment. */
    public record Snapshot(Map<String, Duration> cpu, Optional<DatabaseWork> database) {
    }

    public record DatabaseWork(long commits, long inserted, long updated, long fetched) {
    }

    /**
     * @param cpuMsPerAppeal each process's CPU (the load generator's included), per appeal
     * @param allCpuMsPerAppeal their sum
     * @param database the database's work per appeal; null when the database could not be read
     */
    public record PerAppeal(Map<String, Double> cpuMsPerAppeal, double allCpuMsPerAppeal, Database database) {

        public record Database(double commits, double inserted, double updated, double fetched) {
        }

        /** A few lines for the console. */
        public String describe() {
            StringBuilder text = new StringBuilder("CPU ms per appeal:");
            cpuMsPerAppeal.forEach((name, ms) -> text.append(String.format(Locale.ROOT, " %s %.2f,", name, ms)));
            text.append(String.format(Locale.ROOT, " all %.2f", allCpuMsPerAppeal));
            if (database != null) {
                text.append(String.format(Locale.ROOT,
                        "%ndatabase per appeal: %.2f commits, %.2f rows inserted, %.2f updated, %.1f tuples fetched",
                        database.commits(), database.inserted(), database.updated(), database.fetched()));
            }
            return text.toString();
        }
    }

    /**
     * Statistics counters reach {@code pg_stat_database} when each backend's transaction ends, and at most about once
     * a second: wait this long after the work stopped before the last {@link #take()}, or the last second is missing.
     */
    public static void awaitStatistics() throws InterruptedException {
        Thread.sleep(1500);
    }

    public Snapshot take() {
        Map<String, Duration> cpu = new TreeMap<>();
        processes.forEach((name, pid) -> cpu.put(name, treeCpu(pid)));
        cpu.put(LOAD_GENERATOR, ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return new Snapshot(cpu, databaseWork());
    }

    /** {@code after} is taken after {@link #awaitStatistics()}. */
    public static PerAppeal between(Snapshot before, Snapshot after, long appeals) {
        double n = Math.max(1, appeals);
        Map<String, Double> perAppeal = new LinkedHashMap<>();
        double all = 0;
        for (Map.Entry<String, Duration> end : after.cpu().entrySet()) {
            Duration start = before.cpu().getOrDefault(end.getKey(), Duration.ZERO);
            double ms = end.getValue().minus(start).toNanos() / 1e6 / n;
            perAppeal.put(end.getKey(), round(ms));
            all += ms;
        }
        PerAppeal.Database database = before.database().flatMap(start -> after.database().map(end ->
                new PerAppeal.Database(round((end.commits() - start.commits()) / n),
                        round((end.inserted() - start.inserted()) / n), round((end.updated() - start.updated()) / n),
                        round((end.fetched() - start.fetched()) / n)))).orElse(null);
        return new PerAppeal(perAppeal, round(all), database);
    }

    /** The live processes named by {@code <name>.pid} files in {@code pids}, by name. */
    public static Map<String, Long> runningProcesses(Path pids) throws IOException {
        Map<String, Long> found = new TreeMap<>();
        if (!Files.isDirectory(pids)) {
            return found;
        }
        try (Stream<Path> files = Files.list(pids)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(file).strip());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    found.put(file.getFileName().toString().replace(".pid", ""), pid);
                }
            }
        }
        return found;
    }

    /** A process's CPU with its descendants' (PostgreSQL's work is in its backends and background workers). */
    public static Duration treeCpu(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        List<ProcessHandle> tree = new ArrayList<>();
        process.ifPresent(tree::add);
        process.ifPresent(p -> p.descendants().forEach(tree::add));
        return tree.stream().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private Optional<DatabaseWork> databaseWork() {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("""
                     select xact_commit, tup_inserted, tup_updated, tup_fetched
                     from pg_stat_database where datname = current_database()""")) {
            row.next();
            return Optional.of(new DatabaseWork(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)));
        } catch (SQLException e) {
            System.err.println("bench: the database's counters cannot be read (" + e.getMessage()
                    + "); the report has CPU only");
            return Optional.empty();
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
