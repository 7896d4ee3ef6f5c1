import cloud.scaling.orgs.Provisioned;
import cloud.scaling.orgs.Provisioning;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook first-attempt latency: how long after the API call that changed an incident its event reaches an idle
 * receiver. The real server (in this JVM, default settings, its scheduler and dispatch on, HTTP on a local port) on
 * its own database (an H2 file in a temporary directory, or SCALING_DB_URL/USER/PASSWORD); the receiver is the JDK's
 * HTTP server on another local port, answering 204 at once. One endpoint subscribed to {@code incident.created};
 * WARMUP incidents, then N created one after the other (one request in flight: the receiver is idle between
 * events). For each: from the 201 reaching this client to the event reaching the receiver (negative when the event
 * arrived first: the dispatch starts at the commit, before the answer is written), and from the request being sent.
 * <pre>java -cp server/target/scaling-server.jar bench/WebhookBench.java [N]</pre>
 */
public class WebhookBench {

    private static final int WARMUP = 100;
    private static final Pattern INCIDENT_ID = Pattern.compile("\"incident\":\\{\"id\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", exchange -> {
            long arrived = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher matcher = INCIDENT_ID.matcher(body);
            if (matcher.find()) {
                arrivals.putIfAbsent(matcher.group(1), arrived);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("logger.levels.cloud.scaling.telemetry.RequestTelemetry", "WARN"); // no line per request
        if (System.getenv("SCALING_DB_URL") == null) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("webhook-bench");
            properties.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("scaling"));
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Provisioned org = context.getBean(Provisioning.class).createOrganization("Bench " + UUID.randomUUID(),
                    "admin-" + UUID.randomUUID() + "@bench", null);
            String base = server.getURI().toString();
            System.out.printf("database: %s; cpus: %d%n",
                    System.getenv("SCALING_DB_URL") == null ? "h2 (file)" : "postgresql",
                    Runtime.getRuntime().availableProcessors());
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            expect(201, post(base + "/v1/webhooks/endpoints", org.apiKey(),
                    "{\"url\":\"" + hook + "\",\"eventTypes\":[\"incident.created\"]}"));

            measure(base, org.apiKey(), arrivals, WARMUP);
            double[][] figures = measure(base, org.apiKey(), arrivals, n);
            double[] afterAnswer = figures[0];
            double[] afterRequest = figures[1];
            long first = Arrays.stream(afterAnswer).filter(ms -> ms < 0).count();
            System.out.printf("first attempt after the 201, ms: p50 %.2f, p99 %.2f, max %.2f (%d of %d arrived "
                            + "before the 201 reached the client)%n",
                    percentile(afterAnswer, 50), percentile(afterAnswer, 99), percentile(afterAnswer, 100), first, n);
            System.out.printf("first attempt after the request was sent, ms: p50 %.2f, p99 %.2f, max %.2f%n",
                    percentile(afterRequest, 50), percentile(afterRequest, 99), percentile(afterRequest, 100));
        } finally {
            receiver.stop(0);
            System.exit(0);
        }
    }

    /** Creates {@code count} incidents one after the other; answers the latencies [after the 201, after sending]. */
    private static double[][] measure(String base, String apiKey, Map<String, Long> arrivals, int count)
            throws Exception {
        String[] ids = new String[count];
        long[] sent = new long[count];
        long[] answered = new long[count];
        for (int i = 0; i < count; i++) {
            sent[i] = System.nanoTime();
            HttpResponse<String> created = post(base + "/v1/incidents", apiKey,
                    "{\"title\":\"Webhook latency " + i + "\",\"severity\":\"low\"}");
            answered[i] = System.nanoTime();
            expect(201, created);
            Matcher matcher = ID.matcher(created.body());
            matcher.find();
            ids[i] = matcher.group(1);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Arrays.stream(ids).anyMatch(id -> !arrivals.containsKey(id))) {
            if (System.nanoTime() > deadline) {
                long missing = Arrays.stream(ids).filter(id -> !arrivals.containsKey(id)).count();
                throw new IllegalStateException(missing + " events did not arrive within 60 s");
            }
            Thread.sleep(10);
        }
        double[][] millis = new double[2][count];
        for (int i = 0; i < count; i++) {
            long arrived = arrivals.get(ids[i]);
            millis[0][i] = (arrived - answered[i]) / 1e6;
            millis[1][i] = (arrived - sent[i]) / 1e6;
        }
        return millis;
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static HttpResponse<String> post(String url, String bearer, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
