package cloud.scaling.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * The real server, as users run it: the built {@code scaling-server.jar} in a JVM of its own, on a free port and a
 * fresh H2 file database, with a demo organization whose API key this test chose. A separate process keeps the
 * client's test classpath what a consumer's would be: no Micronaut.
 */
final class ServerProcess implements AutoCloseable {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final String baseUrl;
    private final String apiKey;
    private final Path log;

    private ServerProcess(Process process, String baseUrl, String apiKey, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.log = log;
    }

    static ServerProcess start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("scaling.server.jar", "")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No server jar at " + jar + ": run 'mvn verify' (it packages the server "
                    + "before testing the client)");
        }
        Path dir = Files.createTempDirectory("scaling-client-e2e-");
        Path log = dir.resolve("server.log");
        int port = freePort();
        String apiKey = newApiKey();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("SCALING_DEMO_API_KEY", apiKey);
        builder.environment().put("SCALING_DB_URL", "jdbc:h2:file:" + dir.resolve("db"));
        ServerProcess server = new ServerProcess(builder.start(), "http://localhost:" + port, apiKey, log);
        server.awaitHealthy();
        return server;
    }

    String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("The server did not become healthy in " + STARTUP_TIMEOUT + ":\n" + log());
    }

    private String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String newApiKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("scl_live_");
        for (int i = 0; i < 32; i++) {
            key.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return key.toString();
    }
}
