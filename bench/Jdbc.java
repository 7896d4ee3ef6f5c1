import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database side of bench/run.sh, run as a single-file program with the server jar on the class path (for
 * its JDBC drivers): {@code java -cp server/target/scaling-server.jar bench/Jdbc.java COMMAND ...}.
 * <ul>
 *   <li>{@code insert URL USER PASSWORD API_KEY LEVELS WARMUP_S DURATION_S REPEATS}: the limit the API is
 *   measured against. The same rows the server writes for {@code POST /v1/incidents}, in one transaction per
 *   incident as the server does: the incident (every column of {@code incidents}), its first status-history
 *   row and its {@code incident_created} audit event; without HTTP or JSON, from as many threads
 *   as connections, each with its own. After a warm-up of WARMUP_S at the highest of the comma-separated
 *   connection counts LEVELS, each level runs REPEATS windows of DURATION_S (after a second to open its
 *   connections) and prints one {@code RESULT} line per window.</li>
 *   <li>{@code sql URL USER PASSWORD API_KEY FILE [NAME=VALUE ...]}: runs the {@code ;}-terminated statements
 *   of FILE, with {@code ${org}}, {@code ${user}} and each NAME replaced, echoing each statement, its rows
 *   (for EXPLAIN) or its update count, and its duration.</li>
 * </ul>
 * Both find the organization and user of API_KEY in {@code api_keys}, as the server does.
 */
public class Jdbc {

    private static final String INSERT = "INSERT INTO incidents (id, org_id, title, description, severity, status,"
            + " owner_id, escalation_policy_id, created_by, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HISTORY = "INSERT INTO incident_status_history (id, incident_id, status, changed_at,"
            + " resolution_note) VALUES (?, ?, 'investigating', ?, NULL)";
    private static final String EVENT = "INSERT INTO incident_events (id, incident_id, type, actor_id, occurred_at,"
            + " details) VALUES (?, ?, 'incident_created', ?, ?, '{}')";
    private static final String[] SEVERITIES = {"critical", "high", "medium", "low"};
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    record Caller(String orgId, String userId) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: insert|sql URL USER PASSWORD API_KEY ...");
        }
        String url = cloud.scaling.EmbeddedH2.url(args[1]);
        String user = args[2];
        String password = args[3];
        Caller caller;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            caller = callerOf(connection, args[4]);
        }
        switch (args[0]) {
            case "insert" -> insertAtLevels(new InsertLoad(url, user, password, caller), args[5],
                    Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]));
            case "sql" -> runScript(url, user, password, caller, Path.of(args[5]),
                    Arrays.copyOfRange(args, 6, args.length));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void insertAtLevels(InsertLoad load, String levels, int warmupSeconds, int durationSeconds,
                                       int repeats) throws Exception {
        int[] connections = Arrays.stream(levels.split(",")).mapToInt(Integer::parseInt).toArray();
        load.run(Arrays.stream(connections).max().orElseThrow(), warmupSeconds, durationSeconds, 0);
        for (int level : connections) {
            load.run(level, 1, durationSeconds, repeats);
        }
    }

    private static Caller callerOf(Connection connection, String apiKey) throws Exception {
        String hash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT org_id, user_id FROM api_keys WHERE key_hash = ?")) {
            query.setString(1, hash);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the API key is not in api_keys");
                }
                return new Caller(row.getString(1), row.getString(2));
            }
        }
    }

    /** CONNECTIONS threads inserting as fast as they can; latencies are bucketed into windows afterwards. */
    static final class InsertLoad {
        private final String url;
        private final String user;
        private final String password;
        private final Caller caller;

        InsertLoad(String url, String user, String password, Caller caller) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.caller = caller;
        }

        /** Prints a RESULT line for each of REPEATS windows that follow the first SKIP_S seconds. */
        void run(int connections, int skipSeconds, int durationSeconds, int repeats) throws Exception {
            long cpuBefore = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            long measuredFrom = start + skipSeconds * 1_000_000_000L;
            long window = durationSeconds * 1_000_000_000L;
            long end = measuredFrom + repeats * window;
            List<Worker> workers = new ArrayList<>();
            CountDownLatch finished = new CountDownLatch(connections);
            for (int i = 0; i < connections; i++) {
                Worker worker = new Worker(i, end, finished);
                workers.add(worker);
                new Thread(worker, "insert-" + i).start();
            }
            finished.await();
            double cpuMillisPerInsert = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e6
                    / workers.stream().mapToInt(worker -> worker.count).sum();
            for (Worker worker : workers) {
                if (worker.failure != null) {
                    throw worker.failure;
                }
            }
            for (int w = 0; w < repeats; w++) {
                long from = measuredFrom + w * window;
                List<Long> latencies = new ArrayList<>();
                for (Worker worker : workers) {
                    worker.latenciesCompletedIn(from, from + window, latencies);
                }
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("RESULT connections=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f"
                                + " requests=%d failed=0 cpu_ms=%.3f%n",
                        connections, sorted.length / (double) durationSeconds, millis(sorted, 50), millis(sorted, 99),
                        millis(sorted, 99.9), sorted.length, cpuMillisPerInsert);
            }
        }

        private static double millis(long[] sorted, double percentile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        private final class Worker implements Runnable {
            private final int number;
            private final long end;
            private final CountDownLatch finished;
            private long[] completedAt = new long[1 << 16];
            private long[] latency = new long[1 << 16];
            private int count;
            private volatile Exception failure;

            Worker(int number, long end, CountDownLatch finished) {
                this.number = number;
                this.end = end;
                this.finished = finished;
            }

            @Override
            public void run() {
                try (Connection connection = DriverManager.getConnection(url, user, password);
                     PreparedStatement insert = connection.prepareStatement(INSERT);
                     PreparedStatement history = connection.prepareStatement(HISTORY);
                     PreparedStatement event = connection.prepareStatement(EVENT)) {
                    connection.setAutoCommit(false);
                    for (long i = number; ; i++) {
                        long before = System.nanoTime();
                        if (before >= end) {
                            return;
                        }
                        UUID id = UUID.randomUUID();
                        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
                        insertOne(insert, id, now, i);
                        history.setObject(1, UUID.randomUUID());
                        history.setObject(2, id);
                        history.setTimestamp(3, now);
                        history.executeUpdate();
                        event.setObject(1, UUID.randomUUID());
                        event.setObject(2, id);
                        event.setString(3, caller.userId());
                        event.setTimestamp(4, now);
                        event.executeUpdate();
                        connection.commit();
                        record(System.nanoTime(), before);
                    }
                } catch (Exception e) {
                    failure = e;
                } finally {
                    finished.countDown();
                }
            }

            /** The values the server writes for a new incident, with titles and severities rotating. */
            private void insertOne(PreparedStatement insert, UUID id, Timestamp now, long i) throws SQLException {
                insert.setObject(1, id);
                insert.setString(2, caller.orgId());
                insert.setString(3, "Bench incident " + (i % 64));
                insert.setString(4, i % 3 == 0 ? null : "Benchmark body " + (i % 64) + ": p99 above 2s.");
                insert.setString(5, SEVERITIES[(int) (i % 4)]);
                insert.setString(6, "investigating");
                insert.setString(7, null);
                insert.setString(8, null);
                insert.setString(9, caller.userId());
                insert.setTimestamp(10, now);
                insert.setTimestamp(11, now);
                insert.executeUpdate();
            }

            private void record(long completed, long started) {
                if (count == completedAt.length) {
                    completedAt = Arrays.copyOf(completedAt, count * 2);
                    latency = Arrays.copyOf(latency, count * 2);
                }
                completedAt[count] = completed;
                latency[count] = completed - started;
                count++;
            }

            void latenciesCompletedIn(long from, long to, List<Long> into) {
                for (int i = 0; i < count; i++) {
                    if (completedAt[i] >= from && completedAt[i] < to) {
                        into.add(latency[i]);
                    }
                }
            }
        }
    }

    private static void runScript(String url, String user, String password, Caller caller, Path file,
                                  String[] assignments) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("org", caller.orgId());
        values.put("user", caller.userId());
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            values.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            System.out.printf("-- database: %s %s%n%n", connection.getMetaData().getDatabaseProductName(),
                    connection.getMetaData().getDatabaseProductVersion());
            for (String sql : Files.readString(file).split(";\\s*\\n")) {
                String resolved = substitute(sql.strip(), values);
                if (resolved.lines().allMatch(line -> line.isBlank() || line.startsWith("--"))) {
                    continue;
                }
                System.out.println(resolved + ";");
                long before = System.nanoTime();
                String outcome = "";
                if (statement.execute(resolved)) {
                    printRows(statement.getResultSet());
                } else if (statement.getUpdateCount() >= 0) {
                    outcome = statement.getUpdateCount() + " rows, ";
                }
                System.out.printf("-- %s%.1f s%n%n", outcome, (System.nanoTime() - before) / 1e9);
            }
        }
    }

    private static String substitute(String sql, Map<String, String> values) {
        Matcher names = Pattern.compile("\\$\\{(\\w+)}").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (names.find()) {
            String value = values.get(names.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + names.group(1) + "}");
            }
            names.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return names.appendTail(out).toString();
    }

    private static void printRows(ResultSet rows) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
            StringBuilder line = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
                line.append(c > 1 ? "\t" : "").append(rows.getString(c));
            }
            System.out.println(line);
        }
    }
}
