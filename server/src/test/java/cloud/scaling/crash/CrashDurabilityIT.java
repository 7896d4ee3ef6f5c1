package cloud.scaling.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ServerJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 201 is durable: the packaged server, under concurrent creates, is killed with SIGKILL while requests are in
 * flight, started again on the same database, and must have every incident it acknowledged. Runs on both
 * databases in one JVM (the embedded PostgreSQL lives in this JVM and survives the server's death).
 */
class CrashDurabilityIT {

    private static final int WORKERS = 12;
    /** Acknowledged creates before the kill: enough that commits are being written at the moment it lands. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgres"})
    void everyAcknowledgedCreateSurvivesSigkill(String database) throws Exception {
        ServerJar server =
                ServerJar.onFreshDatabase(database.equals("postgres")).start();
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enoughAcknowledged = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            URI incidents = server.uri().resolve("/v1/incidents");
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                running.add(workers.submit(() ->
                        create(http, incidents, server.apiKey(), worker, acknowledged, enoughAcknowledged, killed)));
            }
            assertTrue(
                    enoughAcknowledged.await(120, TimeUnit.SECONDS),
                    "only " + acknowledged.size() + " creates acknowledged before the kill"
                            + (running.stream().anyMatch(Future::isDone) ? " (a worker stopped)" : "") + ":\n"
                            + server.log());
            assertTrue(running.stream().noneMatch(Future::isDone), "a worker stopped before the kill");
            killed.set(true);
            server.kill();
            workers.shutdown();
            assertTrue(workers.awaitTermination(60, TimeUnit.SECONDS), "the workers ended after the kill");
            for (Future<?> worker : running) {
                worker.get();
            }

            server.start();
            List<String> lost = new ArrayList<>();
            for (String id : acknowledged) {
                HttpResponse<String> read = http.send(
                        HttpRequest.newBuilder(server.uri().resolve("/v1/incidents/" + id))
                                .header("Authorization", "Bearer " + server.apiKey())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (read.statusCode() != 200) {
                    lost.add(id + " (" + read.statusCode() + ")");
                }
            }
            assertEquals(List.of(), lost, "of " + acknowledged.size() + " acknowledged creates, these were lost");
        } finally {
            workers.shutdownNow();
            server.stop();
        }
    }

    /** Creates incidents until the server is gone; records each id the server answered 201 for. */
    private static void create(
            HttpClient http,
            URI incidents,
            String apiKey,
            int worker,
            Queue<String> acknowledged,
            CountDownLatch enoughAcknowledged,
            AtomicBoolean killed) {
        for (int n = 0; ; n++) {
            HttpRequest request = HttpRequest.newBuilder(incidents)
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"crash " + worker + "-" + n + "\",\"severity\":\"low\"}"))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException goneOrStopped) {
                if (killed.get() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                throw new IllegalStateException("A create failed before the kill", goneOrStopped);
            }
            if (response.statusCode() == 201) {
                Matcher id = ID.matcher(response.body());
                assertTrue(id.find(), response.body());
                acknowledged.add(id.group(1));
                enoughAcknowledged.countDown();
            } else if (!killed.get()) {
                throw new IllegalStateException(
                        "A create answered " + response.statusCode() + " before the kill: " + response.body());
            }
        }
    }
}
