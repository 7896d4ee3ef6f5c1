import cloud.scaling.orgs.Provisioned;
import cloud.scaling.orgs.Provisioning;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert intake in Prometheus Alertmanager's webhook format, one alert per POST, through the real server (in this
 * JVM, default settings, HTTP on a local port) on its own database: an H2 file in a temporary directory, or
 * SCALING_DB_URL/USER/PASSWORD.
 * <ul>
 * <li>sustained: SUSTAINED alerts from 16 senders at once, cycling over 1,000 fingerprints (the first delivery of
 * each opens an incident, the rest attach to it, as Alertmanager's repeats do): alerts/s and the latency of a
 * delivery (p50, p99, p99.9, max);</li>
 * <li>storm: STORM alerts from 64 senders at once over 20 fingerprints: the time to take them all, and the check
 * that they opened exactly 20 incidents and counted every delivery.</li>
 * </ul>
 * The default routing policy sends critical alerts to incidents; no escalation policy is attached, so the figures
 * are intake's, not paging's. <pre>java -cp server/target/scaling-server.jar bench/AlertsBench.java [SUSTAINED [STORM]]</pre>
 */
public class AlertsBench {

    private static final Pattern FIELD = Pattern.compile("\"(id|token)\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int sustained = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int storm = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        if (System.getenv("SCALING_DB_URL") == null) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("alerts-bench");
            properties.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("scaling"));
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Provisioned org = context.getBean(Provisioning.class).createOrganization("Bench " + UUID.randomUUID(),
                    "admin-" + UUID.randomUUID() + "@bench", null);
            String base = server.getURI().toString();
            DataSource db = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            System.out.printf("database: %s%n", System.getenv("SCALING_DB_URL") == null ? "h2 (file)" : "postgresql");

            Map<String, String> steady = integration(base, org.apiKey(), "Steady");
            Run run = deliver(base, steady.get("token"), sustained, 16, 1_000);
            System.out.printf("sustained: %d alerts (1,000 fingerprints, 16 in flight) in %.1f s = %.0f alerts/s; "
                            + "latency ms p50 %.2f, p99 %.2f, p99.9 %.2f, max %.2f; incidents opened: %d%n",
                    sustained, run.seconds(), sustained / run.seconds(), run.percentile(50), run.percentile(99),
                    run.percentile(99.9), run.percentile(100), incidentsOf(db, steady.get("id")));

            Map<String, String> stormy = integration(base, org.apiKey(), "Storm");
            Run burst = deliver(base, stormy.get("token"), storm, 64, 20);
            long incidents = incidentsOf(db, stormy.get("id"));
            long deliveries = single(db, "SELECT SUM(deliveries) FROM alerts WHERE integration_id = ?", stormy.get("id"));
            System.out.printf("storm: %d alerts (20 fingerprints, 64 in flight) in %.1f s = %.0f alerts/s; "
                            + "latency ms p50 %.2f, p99 %.2f; incidents opened: %d; deliveries counted: %d%n",
                    storm, burst.seconds(), storm / burst.seconds(), burst.percentile(50), burst.percentile(99),
                    incidents, deliveries);
            if (incidents != 20 || deliveries != storm) {
                throw new IllegalStateException("The storm should open 20 incidents and count every delivery");
            }
        }
    }

    /** The latencies of one run, in milliseconds, and its wall time. */
    private record Run(double seconds, double[] millis) {
        double percentile(double p) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    private static Run deliver(String base, String token, int alerts, int inFlight, int fingerprints)
            throws InterruptedException {
        double[] millis = new double[alerts];
        Semaphore slots = new Semaphore(inFlight);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[alerts];
        for (int i = 0; i < alerts; i++) {
            int n = i;
            slots.acquire();
            long sent = System.nanoTime();
            calls[i] = post(base + "/v1/alerts/alertmanager", token, alertmanager("fp-" + token.substring(8, 14)
                    + "-" + (n % fingerprints), n)).whenComplete((response, error) -> {
                        millis[n] = (System.nanoTime() - sent) / 1e6;
                        if (error != null || response.statusCode() != 202) {
                            failed.incrementAndGet();
                        }
                        slots.release();
                    });
        }
        CompletableFuture.allOf(calls).exceptionally(error -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " deliveries failed");
        }
        return new Run(seconds, millis);
    }

    /** One firing alert as Alertmanager (v4) sends it. */
    private static String alertmanager(String fingerprint, int n) {
        return "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"HighErrorRate\\\"}\",\"truncatedAlerts\":0,"
                + "\"status\":\"firing\",\"receiver\":\"scaling\",\"groupLabels\":{\"alertname\":\"HighErrorRate\"},"
                + "\"commonLabels\":{\"alertname\":\"HighErrorRate\",\"severity\":\"critical\"},"
                + "\"commonAnnotations\":{},\"externalURL\":\"http://alertmanager:9093\",\"alerts\":[{\"status\":"
                + "\"firing\",\"labels\":{\"alertname\":\"HighErrorRate\",\"severity\":\"critical\",\"service\":"
                + "\"payments\",\"instance\":\"payments-" + (n % 50) + "\"},\"annotations\":{\"summary\":"
                + "\"Error rate above 5% (" + fingerprint + ")\"},\"startsAt\":\"2026-04-08T10:00:00Z\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prometheus:9090/graph\","
                + "\"fingerprint\":\"" + fingerprint + "\"}]}";
    }

    private static Map<String, String> integration(String base, String apiKey, String name) {
        HttpResponse<String> created = post(base + "/v1/integrations/inbound", apiKey,
                "{\"name\":\"" + name + "\",\"type\":\"alertmanager\"}").join();
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Creating the integration answered " + created.body());
        }
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(created.body());
        while (matcher.find()) {
            fields.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private static CompletableFuture<HttpResponse<String>> post(String url, String bearer, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long incidentsOf(DataSource db, String integrationId) throws Exception {
        return single(db, "SELECT COUNT(DISTINCT incident_id) FROM alerts WHERE integration_id = ?", integrationId);
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
