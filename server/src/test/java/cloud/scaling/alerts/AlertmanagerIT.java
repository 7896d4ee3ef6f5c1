package cloud.scaling.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ServerJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}, which {@code .ci/run} installs) sends a
 * group to the packaged server: two series of one rule, one with a 1,480-character description and 100 labels, which
 * a stricter server refused whole (and Alertmanager, which never retries a 4xx, then dropped). The test waits on
 * Alertmanager's own word that the notification succeeded, read from its log as it is written.
 */
class AlertmanagerIT {

    private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServerJar server;
    private Process alertmanager;

    @AfterEach
    void stop() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aGroupWithAnOversizedAlertIsDeliveredWhole() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(ALERTMANAGER),
                "SKIPPED LOUDLY: no " + ALERTMANAGER + "; apt-get install prometheus-alertmanager (.ci/run does)");
        server = ServerJar.onFreshDatabase(false).start();
        JsonNode integration = call(
                        "POST",
                        server.uri().resolve("/v1/integrations/inbound"),
                        "{\"name\":\"Alertmanager\",\"type\":\"alertmanager\"}")
                .get("data");
        Path dir = Files.createTempDirectory("alertmanager-");
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: scaling
                  group_by: [alertname]
                  group_wait: 1s
                receivers:
                  - name: scaling
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials: %s
                """.formatted(
                        server.uri().resolve("/v1/alerts/alertmanager"),
                        integration.get("token").asText()));
        int port = freePort();
        alertmanager = new ProcessBuilder(
                        ALERTMANAGER.toString(),
                        "--config.file=" + config,
                        "--storage.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--cluster.listen-address=",
                        "--log.level=debug")
                .redirectErrorStream(true)
                .start();
        List<String> log = new ArrayList<>();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        CompletableFuture<String> notified = new CompletableFuture<>();
        Thread reader = new Thread(() -> follow(log, listening, notified), "alertmanager-log");
        reader.setDaemon(true);
        reader.start();
        listening.get(60, TimeUnit.SECONDS);

        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            labels.append(",\"label").append(i).append("\":\"value").append(i).append('"');
        }
        String alerts = "[{\"labels\":{\"alertname\":\"QueueBacklogGrowing\",\"queue\":\"emails\"" + labels + "},"
                + "\"annotations\":{\"summary\":\"Queue backlog growing\",\"description\":\"" + "d".repeat(1480)
                + "\"}},{\"labels\":{\"alertname\":\"QueueBacklogGrowing\",\"queue\":\"invoices\"},"
                + "\"annotations\":{\"summary\":\"Queue backlog growing\",\"runbook_url\":\"https://runbooks.example.com/q\"}}]";
        HttpResponse<String> posted = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(alerts))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());

        String outcome = notified.get(60, TimeUnit.SECONDS);
        assertTrue(outcome.contains("Notify success"), () -> String.join("\n", log) + "\n" + server.log());

        JsonNode stored = call(
                        "GET",
                        server.uri()
                                .resolve("/v1/integrations/inbound/"
                                        + integration.get("id").asText() + "/alerts"),
                        null)
                .get("data")
                .get("alerts");
        assertEquals(2, stored.size(), "both alerts of the group were taken");
        List<String> titles = new ArrayList<>();
        for (JsonNode alert : stored) {
            titles.add(call(
                            "GET",
                            server.uri()
                                    .resolve("/v1/incidents/"
                                            + alert.get("incidentId").asText()),
                            null)
                    .get("data")
                    .get("title")
                    .asText());
        }
        assertTrue(titles.stream().anyMatch(title -> title.startsWith("Queue backlog growing (")), titles::toString);
        assertTrue(titles.stream().anyMatch(title -> title.contains("queue=invoices")), titles::toString);
    }

    /** Reads Alertmanager's log as it is written: its listening line, then the outcome of the first notification. */
    private void follow(List<String> log, CompletableFuture<Void> listening, CompletableFuture<String> notified) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(alertmanager.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (log) {
                    log.add(line);
                }
                if (line.contains("Listening on")) {
                    listening.complete(null);
                }
                if (line.contains("Notify success") || line.contains("Notify for alerts failed")) {
                    notified.complete(line);
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
            notified.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("Alertmanager ended: " + log));
        notified.completeExceptionally(new IllegalStateException("Alertmanager ended: " + log));
    }

    private JsonNode call(String method, URI uri, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + server.apiKey())
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response::body);
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
