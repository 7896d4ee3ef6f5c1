import cloud.scaling.orgs.Provisioned;
import cloud.scaling.orgs.Provisioning;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alert storm as Alertmanager sends one: ALERTS alerts over FINGERPRINTS fingerprints, grouped PER to a
 * notification (a group's alerts travel together, and each group is notified again and again while it fires), from
 * SENDERS senders at once, through the real server (in this JVM, default settings, HTTP on a local port) on its own
 * database: an H2 file in a temporary directory, or SCALING_DB_URL/USER/PASSWORD. Every alert is critical, so the
 * default routing policy opens an incident for each fingerprint's first alert; the integration's component names a
 * two-level escalation policy, so each incident pages its first level by email at once, through a real SMTP server
 * (aiosmtpd, bench/smtp_sink.py, in its own process). It reports:
 * <ul>
 * <li>intake: from the first notification sent to the last one answered, and alerts/s; then the check that every
 * alert was counted and exactly FINGERPRINTS incidents were opened;</li>
 * <li>the floor: a direct-JDBC program writing the same rows (copies of one storm incident's rows in every table it
 * wrote, and the deliveries counted) in one transaction per notification from SENDERS threads, and the ratio;</li>
 * <li>alert → page: for each fingerprint, from the answer to the first notification that carried it (and from its
 * sending) to the mail server accepting its incident's page (p50, p99, max). A page can be accepted before the
 * answer: the notification's alerts are committed (and paged) before the whole notification is answered.</li>
 * </ul>
 * A warm-up storm (a fifth of the size, on its own integration) runs first, its pages awaited.
 * <pre>java -cp server/target/scaling-server.jar bench/AlertsBench.java [ALERTS [FINGERPRINTS [PER [SENDERS]]]]</pre>
 */
public class AlertsBench {

    private static final Pattern FIELD = Pattern.compile("\"(id|token)\":\"([^\"]+)\"");
    private static final Pattern INSTANCE = Pattern.compile("instance=([a-z]+)-(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** When the mail server accepted the first page naming each instance ("storm-17"), in epoch microseconds. */
    private static final Map<String, Long> PAGED = new ConcurrentHashMap<>();
    /** When each incident's incident.created webhook first reached the receiver, in epoch microseconds. */
    private static final Map<String, Long> HOOKED = new ConcurrentHashMap<>();
    private static final Pattern INCIDENT_ID = Pattern.compile("\"incident\":\\{\"id\":\"([^\"]+)\"");
    private static final Pattern INSTANCE_LABEL = Pattern.compile("\"instance\":\"([a-z]+)-(\\d+)\"");

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int fingerprints = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int per = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int senders = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        if (fingerprints % per != 0 || alerts % per != 0) {
            throw new IllegalArgumentException("FINGERPRINTS and ALERTS must be multiples of PER");
        }
        int smtpPort = freePort();
        Process sink = new ProcessBuilder(System.getenv().getOrDefault("BENCH_PYTHON", "/usr/bin/python3"),
                "bench/smtp_sink.py", String.valueOf(smtpPort)).redirectErrorStream(true).start();
        try {
            listen(sink);
            Map<String, Object> properties = new HashMap<>();
            properties.put("micronaut.server.port", -1);
            properties.put("scaling.smtp.host", "127.0.0.1");
            properties.put("scaling.smtp.port", smtpPort);
            properties.put("scaling.public-url", "http://scaling.bench");
            if (System.getenv("SCALING_DB_URL") == null) {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("alerts-bench");
                properties.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("scaling"));
            }
            try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
                run(context, alerts, fingerprints, per, senders);
            }
        } finally {
            sink.destroy();
        }
    }

    private static void run(ApplicationContext context, int alerts, int fingerprints, int per, int senders)
            throws Exception {
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        Provisioned org = context.getBean(Provisioning.class).createOrganization("Bench " + UUID.randomUUID(),
                "oncall-" + UUID.randomUUID() + "@bench.example", null);
        String base = server.getURI().toString();
        DataSource db = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        String database = System.getenv("SCALING_DB_URL") == null ? "h2 (file)" : "postgresql";
        String policy = created(base, org.apiKey(), "/v1/escalation/policies", "{\"name\":\"Storm\",\"steps\":["
                + "{\"targetType\":\"users\",\"targetId\":\"" + org.userId() + "\",\"escalateAfterSeconds\":3600},"
                + "{\"targetType\":\"users\",\"targetId\":\"" + org.userId() + "\",\"escalateAfterSeconds\":3600}]}")
                .get("id");
        String component = created(base, org.apiKey(), "/v1/components",
                "{\"name\":\"Payments\",\"escalationPolicyId\":\"" + policy + "\"}").get("id");
        // A webhook receiver (idle, answering 204 at once) for incident.created: does it still hear within
        // milliseconds while the storm runs?
        com.sun.net.httpserver.HttpServer receiver =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 64);
        ExecutorService hooks = Executors.newFixedThreadPool(4);
        receiver.setExecutor(hooks);
        receiver.createContext("/hook", exchange -> {
            long arrived = epochMicros();
            Matcher matcher = INCIDENT_ID.matcher(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            if (matcher.find()) {
                HOOKED.putIfAbsent(matcher.group(1), arrived);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        created(base, org.apiKey(), "/v1/webhooks/endpoints", "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook\",\"eventTypes\":[\"incident.created\"]}");

        int warmFingerprints = Math.max(per, fingerprints / 5 / per * per);
        int warmAlerts = Math.max(warmFingerprints, alerts / 5 / per * per);
        Storm warmUp = storm(base, org.apiKey(), component, "warm", warmAlerts, warmFingerprints, per, senders);
        awaitPages("warm", warmFingerprints, Duration.ofMinutes(10));
        System.out.printf("database: %s; warm-up: %d alerts in %.1f s%n", database, warmAlerts, warmUp.seconds());

        double load = loadAverage();
        Storm storm = storm(base, org.apiKey(), component, "storm", alerts, fingerprints, per, senders);
        long incidents = single(db, "SELECT COUNT(DISTINCT incident_id) FROM alerts WHERE integration_id = ?",
                storm.integrationId());
        long counted = single(db, "SELECT SUM(deliveries) FROM alerts WHERE integration_id = ?",
                storm.integrationId());
        System.out.printf("intake: %d alerts (%d fingerprints, %d per notification, %d senders) in %.2f s = %.0f "
                        + "alerts/s; notification answered in ms p50 %.0f, p99 %.0f; incidents opened: %d; "
                        + "deliveries counted: %d; load average before: %.2f%n",
                alerts, fingerprints, per, senders, storm.seconds(), alerts / storm.seconds(),
                percentile(storm.answerMillis(), 50), percentile(storm.answerMillis(), 99), incidents, counted, load);
        if (incidents != fingerprints || counted != alerts) {
            throw new IllegalStateException("The storm should open one incident per fingerprint and count every alert");
        }
        awaitPages("storm", fingerprints, Duration.ofMinutes(10));
        double[] afterAnswer = new double[fingerprints];
        double[] afterSent = new double[fingerprints];
        for (int i = 0; i < fingerprints; i++) {
            afterAnswer[i] = (PAGED.get("storm-" + i) - storm.firstAnswer()[i]) / 1000.0;
            afterSent[i] = (PAGED.get("storm-" + i) - storm.firstSent()[i]) / 1000.0;
        }
        System.out.printf("alert -> first page accepted by the mail server (aiosmtpd), ms: after the 2xx p50 %.0f, "
                        + "p99 %.0f, max %.0f; after the notification was sent p50 %.0f, p99 %.0f, max %.0f%n",
                percentile(afterAnswer, 50), percentile(afterAnswer, 99), percentile(afterAnswer, 100),
                percentile(afterSent, 50), percentile(afterSent, 99), percentile(afterSent, 100));

        double[] hooked = hooked(db, storm, fingerprints, Duration.ofMinutes(5));
        System.out.printf("alert -> incident.created webhook at an idle receiver, ms after the 2xx: p50 %.0f, p99 %.0f, "
                        + "max %.0f%n", percentile(hooked, 50), percentile(hooked, 99), percentile(hooked, 100));
        receiver.stop(0);
        hooks.shutdown();

        double floor = new Floor(db, storm.integrationId(), per, senders).run(alerts, fingerprints);
        System.out.printf("floor: direct JDBC, the same rows in one transaction per notification, %d threads: "
                        + "%.2f s = %.0f alerts/s; server at %.0f %% of the floor%n",
                senders, floor, alerts / floor, 100 * floor / storm.seconds());
    }

    /** Per fingerprint, from the answer to its first notification to its incident's incident.created webhook. */
    private static double[] hooked(DataSource db, Storm storm, int fingerprints, Duration patience) throws Exception {
        Map<String, Integer> fingerprintOf = new HashMap<>();
        try (Connection connection = db.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(
                     "SELECT incident_id, attributes FROM alerts WHERE integration_id = ?")) {
            statement.setString(1, storm.integrationId());
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Matcher instance = INSTANCE_LABEL.matcher(rows.getString(2));
                    if (instance.find()) {
                        fingerprintOf.put(rows.getString(1), Integer.parseInt(instance.group(2)));
                    }
                }
            }
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (!HOOKED.keySet().containsAll(fingerprintOf.keySet())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not every incident.created webhook arrived within " + patience);
            }
            Thread.sleep(50);
        }
        double[] millis = new double[fingerprints];
        fingerprintOf.forEach((incident, i) -> millis[i] = (HOOKED.get(incident) - storm.firstAnswer()[i]) / 1000.0);
        return millis;
    }

    /** One storm's timing: wall time, each notification's answer time, and when each fingerprint was first answered. */
    private record Storm(String integrationId, double seconds, double[] answerMillis, long[] firstSent,
                         long[] firstAnswer) {
    }

    private static Storm storm(String base, String apiKey, String component, String name, int alerts,
                               int fingerprints, int per, int senders) throws Exception {
        Map<String, String> integration = created(base, apiKey, "/v1/integrations/inbound", "{\"name\":\"" + name
                + "\",\"type\":\"alertmanager\",\"componentId\":\"" + component + "\"}");
        int groups = fingerprints / per;
        int notifications = alerts / per;
        String[] bodies = new String[groups];
        for (int group = 0; group < groups; group++) {
            bodies[group] = notification(name, group, per);
        }
        double[] answerMillis = new double[notifications];
        long[] firstSent = new long[fingerprints];
        long[] firstAnswer = new long[fingerprints];
        Arrays.fill(firstSent, Long.MAX_VALUE);
        Arrays.fill(firstAnswer, Long.MAX_VALUE);
        Semaphore slots = new Semaphore(senders);
        AtomicInteger failed = new AtomicInteger();
        List<java.util.concurrent.CompletableFuture<?>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < notifications; n++) {
            int group = n % groups;
            int index = n;
            slots.acquire();
            long sent = System.nanoTime();
            long sentAt = epochMicros();
            calls.add(post(base + "/v1/alerts/alertmanager", integration.get("token"), bodies[group])
                    .whenComplete((response, error) -> {
                        long answered = epochMicros();
                        answerMillis[index] = (System.nanoTime() - sent) / 1e6;
                        if (error != null || response.statusCode() != 202) {
                            failed.incrementAndGet();
                        }
                        synchronized (firstAnswer) {
                            for (int i = group * per; i < (group + 1) * per; i++) {
                                firstSent[i] = Math.min(firstSent[i], sentAt);
                                firstAnswer[i] = Math.min(firstAnswer[i], answered);
                            }
                        }
                        slots.release();
                    }));
        }
        java.util.concurrent.CompletableFuture.allOf(calls.toArray(java.util.concurrent.CompletableFuture[]::new))
                .exceptionally(error -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " notifications failed");
        }
        return new Storm(integration.get("id"), seconds, answerMillis, firstSent, firstAnswer);
    }

    /** One group's notification as Alertmanager (v4) sends it: PER firing alerts sharing alertname and group. */
    private static String notification(String name, int group, int per) {
        StringJoiner alerts = new StringJoiner(",", "[", "]");
        for (int i = group * per; i < (group + 1) * per; i++) {
            alerts.add("{\"status\":\"firing\",\"labels\":{\"alertname\":\"HighErrorRate\",\"severity\":\"critical\","
                    + "\"group\":\"" + name + "-" + group + "\",\"instance\":\"" + name + "-" + i + "\"},"
                    + "\"annotations\":{\"summary\":\"Error rate above 5%\",\"runbook_url\":"
                    + "\"https://runbooks.example/high-error-rate\"},\"startsAt\":\"2026-04-08T10:00:00Z\","
                    + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prometheus:9090/graph\","
                    + "\"fingerprint\":\"" + name + "-" + Integer.toHexString(0x100000 + i) + "\"}");
        }
        return "{\"version\":\"4\",\"groupKey\":\"{}:{group=\\\"" + name + "-" + group + "\\\"}\",\"truncatedAlerts\":0,"
                + "\"status\":\"firing\",\"receiver\":\"scaling\",\"groupLabels\":{\"group\":\"" + name + "-" + group
                + "\"},\"commonLabels\":{\"alertname\":\"HighErrorRate\",\"severity\":\"critical\",\"group\":\""
                + name + "-" + group + "\"},\"commonAnnotations\":{},\"externalURL\":\"http://alertmanager:9093\","
                + "\"alerts\":" + alerts + "}";
    }

    /** Reads the SMTP sink's lines ({@code <epoch µs>\t<subject>}) as they come, keeping each instance's first. */
    private static void listen(Process sink) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine();
        if (!"ready".equals(first)) {
            throw new IllegalStateException("The SMTP sink did not start: " + first);
        }
        Thread reader = new Thread(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] parts = line.split("\t", 2);
                    Matcher instance = INSTANCE.matcher(parts.length == 2 ? parts[1] : "");
                    if (instance.find()) {
                        PAGED.putIfAbsent(instance.group(1) + "-" + instance.group(2), Long.parseLong(parts[0]));
                    }
                }
            } catch (java.io.IOException ended) {
                // the sink stopped
            }
        }, "smtp-sink");
        reader.setDaemon(true);
        reader.start();
    }

    private static void awaitPages(String name, int fingerprints, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (PAGED.keySet().stream().filter(key -> key.startsWith(name + "-")).count() < fingerprints) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not every " + name + " incident was paged within " + patience);
            }
            Thread.sleep(20);
        }
    }

    /**
     * The same rows without the server: per notification, one transaction from one of SENDERS threads. A group's
     * first notification writes, per fingerprint, copies of every row one storm incident left in the database
     * (its alert, the incident, its history, events, components, escalation, page, and the two jobs its page and
     * escalation scheduled); each later notification counts its alerts' deliveries in one UPDATE.
     */
    private static final class Floor {
        private final DataSource db;
        private final String stormIntegration;
        private final int per;
        private final int threads;
        private final Random random = new Random(7);

        Floor(DataSource db, String stormIntegration, int per, int threads) {
            this.db = db;
            this.stormIntegration = stormIntegration;
            this.per = per;
            this.threads = threads;
        }

        double run(int alerts, int fingerprints) throws Exception {
            Map<String, Template> templates = templates();
            String integration = "int_floor" + UUID.randomUUID().toString().substring(0, 8);
            int groups = fingerprints / per;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < alerts / per; n++) {
                int group = n % groups;
                boolean opening = n < groups;
                done.add(pool.submit(() -> {
                    try (Connection connection = db.getConnection()) {
                        connection.setAutoCommit(false);
                        if (opening) {
                            open(connection, templates, integration, group);
                        } else {
                            count(connection, integration, group);
                        }
                        connection.commit();
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return seconds;
        }

        private void open(Connection connection, Map<String, Template> templates, String integration, int group)
                throws Exception {
            Map<String, PreparedStatement> statements = new java.util.LinkedHashMap<>();
            for (int i = group * per; i < (group + 1) * per; i++) {
                UUID incident = UUID.randomUUID();
                String key = "floor-" + i;
                for (Template template : templates.values()) {
                    PreparedStatement insert = statements.computeIfAbsent(template.table(), table -> {
                        try {
                            return connection.prepareStatement(template.insert());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    for (Object[] row : template.rows()) {
                        for (int c = 0; c < template.columns().size(); c++) {
                            insert.setObject(c + 1, value(template, template.columns().get(c), row[c], incident,
                                    integration, key));
                        }
                        insert.addBatch();
                    }
                }
            }
            for (PreparedStatement insert : statements.values()) {
                insert.executeBatch();
                insert.close();
            }
        }

        private void count(Connection connection, String integration, int group) throws Exception {
            StringJoiner keys = new StringJoiner(",", "(", ")");
            for (int i = 0; i < per; i++) {
                keys.add("?");
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE alerts SET deliveries = deliveries + 1"
                    + " WHERE integration_id = ? AND firing_key IN " + keys)) {
                update.setString(1, integration);
                for (int i = 0; i < per; i++) {
                    update.setString(i + 2, "floor-" + (group * per + i));
                }
                update.executeUpdate();
            }
        }

        /** A copied column: new ids and keys, the rest as the storm wrote it. */
        private Object value(Template template, String column, Object value, UUID incident, String integration,
                             String key) {
            return switch (column) {
                case "id" -> template.table().equals("incidents") ? incident
                        : value instanceof UUID ? UUID.randomUUID() : freshId((String) value);
                case "incident_id" -> incident;
                case "integration_id" -> integration;
                case "dedup_key", "firing_key" -> key;
                case "task_instance" -> ((String) value).replaceFirst("^[0-9a-f-]{36}", incident.toString())
                        .replaceFirst("^pge_.*", freshId(String.valueOf(value)));
                default -> value;
            };
        }

        private synchronized String freshId(String like) {
            int cut = like.indexOf('_') + 1;
            StringBuilder id = new StringBuilder(like.substring(0, cut));
            for (int i = cut; i < like.length(); i++) {
                id.append(Character.forDigit(random.nextInt(36), 36));
            }
            return id.toString();
        }

        /** Every row one storm incident wrote, by table; its page's delivery job is gone, so it is rebuilt. */
        private Map<String, Template> templates() throws Exception {
            Map<String, Template> templates = new java.util.LinkedHashMap<>();
            try (Connection connection = db.getConnection()) {
                String alertId;
                UUID incident;
                try (PreparedStatement first = connection.prepareStatement(
                        "SELECT id, incident_id FROM alerts WHERE integration_id = ? ORDER BY id LIMIT 1")) {
                    first.setString(1, stormIntegration);
                    try (ResultSet result = first.executeQuery()) {
                        result.next();
                        alertId = result.getString(1);
                        incident = result.getObject(2, UUID.class);
                    }
                }
                String pageId;
                templates.put("incidents", Template.of(connection, "incidents", "id", incident));
                for (String table : List.of("incident_status_history", "incident_events", "incident_components",
                        "incident_escalations", "pages")) {
                    templates.put(table, Template.of(connection, table, "incident_id", incident));
                }
                Template pages = templates.get("pages");
                pageId = (String) pages.rows().get(0)[pages.columns().indexOf("id")];
                Template steps = Template.of(connection, "scheduled_tasks", "task_name", "escalation-step",
                        " AND task_instance LIKE '" + incident + "/%'");
                Object[] delivery = steps.rows().get(0).clone();
                delivery[steps.columns().indexOf("task_name")] = "page-delivery";
                delivery[steps.columns().indexOf("task_instance")] = pageId;
                List<Object[]> jobs = new ArrayList<>(steps.rows());
                jobs.add(delivery);
                templates.put("scheduled_tasks", new Template("scheduled_tasks", steps.columns(), jobs));
                templates.put("alerts", Template.of(connection, "alerts", "id", alertId));
            }
            return templates;
        }
    }

    /** A table's rows as read, to be written again as copies. */
    private record Template(String table, List<String> columns, List<Object[]> rows) {
        static Template of(Connection connection, String table, String column, Object value) throws Exception {
            return of(connection, table, column, value, "");
        }

        static Template of(Connection connection, String table, String column, Object value, String more)
                throws Exception {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM " + table + " WHERE " + column + " = ?" + more)) {
                select.setObject(1, value);
                try (ResultSet result = select.executeQuery()) {
                    ResultSetMetaData meta = result.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.add(meta.getColumnName(c).toLowerCase(java.util.Locale.ROOT));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (result.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = result.getObject(c + 1);
                        }
                        rows.add(row);
                    }
                    return new Template(table, columns, rows);
                }
            }
        }

        String insert() {
            StringJoiner names = new StringJoiner(", ");
            StringJoiner marks = new StringJoiner(", ");
            columns.forEach(column -> {
                names.add(column);
                marks.add("?");
            });
            return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
        }
    }

    private static Map<String, String> created(String base, String apiKey, String path, String body) {
        HttpResponse<String> created = post(base + path, apiKey, body).join();
        if (created.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + created.statusCode() + ": " + created.body());
        }
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(created.body());
        while (matcher.find()) {
            fields.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private static java.util.concurrent.CompletableFuture<HttpResponse<String>> post(String url, String bearer,
                                                                                  String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long single(DataSource db, String sql, String parameter) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
