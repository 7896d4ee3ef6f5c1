import cloud.scaling.orgs.Provisioned;
import cloud.scaling.orgs.Provisioning;
import cloud.scaling.scheduling.JobScheduler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst of escalations: INCIDENTS incidents page through a two-level policy (level 1 at creation); then every
 * level-1 wait is made to end at the same moment (their durable jobs' due time moved to now, in the database) and
 * the bench times how long the server's scheduler takes until every level-2 page is recorded. The real server
 * runs in this JVM with its default scheduler settings (poll every second, 4 threads) on its own database: an H2
 * file in a temporary directory (the default's durable settings), or SCALING_DB_URL/USER/PASSWORD. Pages go by
 * email to the mail server at SCALING_SMTP_HOST/PORT (bench/paging.sh starts bench/smtp_sink.py, a real SMTP server)
 * and the burst ends when every level-2 page was accepted by it ({@code delivered}); without SCALING_SMTP_HOST each
 * delivery is one recorded (failed) attempt, and the figure is the engine's alone.
 * <pre>java -cp server/target/scaling-server.jar bench/PagingBench.java [INCIDENTS]</pre>
 */
public class PagingBench {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        if (System.getenv("SCALING_DB_URL") == null) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("paging-bench");
            properties.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("scaling"));
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Provisioning provisioning = context.getBean(Provisioning.class);
            Provisioned org = provisioning.createOrganization("Bench " + UUID.randomUUID(),
                    "admin-" + UUID.randomUUID() + "@bench", null);
            String base = server.getURI().toString();
            String policy = id(call(base, org.apiKey(), "/v1/escalation/policies", "{\"name\":\"Bench\",\"steps\":["
                    + "{\"targetType\":\"users\",\"targetId\":\"" + org.userId() + "\",\"escalateAfterSeconds\":3600},"
                    + "{\"targetType\":\"users\",\"targetId\":\"" + org.userId() + "\",\"escalateAfterSeconds\":3600}]}"));

            long createStart = System.nanoTime();
            Semaphore inFlight = new Semaphore(16);
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (int i = 0; i < incidents; i++) {
                inFlight.acquire();
                calls.add(send(base, org.apiKey(), "/v1/incidents", "{\"title\":\"Burst " + i
                        + "\",\"severity\":\"high\",\"escalationPolicyId\":\"" + policy + "\"}")
                        .whenComplete((response, error) -> inFlight.release()));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            double createSeconds = (System.nanoTime() - createStart) / 1e9;
            DataSource db = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            awaitCount(db, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'page-delivery'", 0,
                    Duration.ofMinutes(10));
            long level1 = count(db, "SELECT COUNT(*) FROM pages WHERE level = 1");

            // Every level-1 wait ends now: the jobs' due time is moved, as if an hour had passed.
            long due = update(db, "UPDATE scheduled_tasks SET execution_time = CURRENT_TIMESTAMP "
                    + "WHERE task_name = 'escalation-step'");
            long start = System.nanoTime();
            context.getBean(JobScheduler.class).checkForDueWork();
            awaitCount(db, "SELECT COUNT(*) FROM pages WHERE level = 2", incidents, Duration.ofMinutes(30));
            double pagedSeconds = (System.nanoTime() - start) / 1e9;
            awaitCount(db, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'page-delivery'", 0,
                    Duration.ofMinutes(30));
            double deliveredSeconds = (System.nanoTime() - start) / 1e9;
            long accepted = count(db, "SELECT COUNT(*) FROM pages WHERE level = 2 AND status = 'delivered'");
            long attempts = count(db, "SELECT COUNT(*) FROM page_attempts a JOIN pages p ON p.id = a.page_id"
                    + " WHERE p.level = 2");
            long escalated = count(db, "SELECT COUNT(*) FROM incident_escalations WHERE level = 2");
            System.out.printf("database: %s%n", System.getenv("SCALING_DB_URL") == null ? "h2 (file)" : "postgresql");
            System.out.printf("incidents created: %d in %.1f s (%.0f/s, 16 in flight), level-1 pages: %d%n",
                    incidents, createSeconds, incidents / createSeconds, level1);
            System.out.printf("escalation steps made due at once: %d%n", due);
            System.out.printf("every level-2 page recorded after: %.1f s (%.0f steps/s); escalations at level 2: %d%n",
                    pagedSeconds, incidents / pagedSeconds, escalated);
            System.out.printf("every level-2 delivery attempted after: %.1f s (%s); level-2 pages accepted by the "
                            + "mail server: %d, attempts: %d%n", deliveredSeconds,
                    System.getenv("SCALING_SMTP_HOST") == null ? "no mail server: each attempt fails at once"
                            : "mail server " + System.getenv("SCALING_SMTP_HOST") + ":"
                                    + System.getenv("SCALING_SMTP_PORT"), accepted, attempts);
            if (System.getenv("SCALING_SMTP_HOST") != null && (accepted != incidents || attempts != incidents)) {
                throw new IllegalStateException("Every level-2 page should be delivered at its first attempt");
            }
        }
    }

    private static void awaitCount(DataSource db, String sql, long expected, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (count(db, sql) != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not reached within " + patience + ": " + sql + " = " + expected);
            }
            Thread.sleep(20);
        }
    }

    private static long count(DataSource db, String sql) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long update(DataSource db, String sql) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(String base, String key, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 201) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        });
    }

    private static String call(String base, String key, String path, String body) {
        return send(base, key, path, body).join().body();
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No id in " + body);
        }
        return matcher.group(1);
    }
}
