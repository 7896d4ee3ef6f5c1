package cloud.scaling.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged {@code scaling-server.jar} run as users run it, in a process of its own, so that a test can kill
 * it the hard way (SIGKILL: no shutdown hook, no flush) and start it again on the same database. The jar's path
 * comes from the system property {@code scaling.server.jar}, which the integration-test phase sets after
 * packaging. Each start gets a fresh port; the database and the demo organization's API key stay.
 */
public final class ServerJar {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

    private final Map<String, String> environment;
    private final Path workDir;
    private final String apiKey;
    /** How to start the server instead of {@code java -jar} on the packaged jar; null for that. */
    private final List<String> command;

    /** JVM options of the next starts of the packaged jar, before {@code -jar}. */
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m"));

    private Process process;
    private URI uri;
    private Path log;
    private int starts;
    private boolean paused;

    private ServerJar(Map<String, String> environment, Path workDir, String apiKey, List<String> command) {
        this.environment = environment;
        this.workDir = workDir;
        this.apiKey = apiKey;
        this.command = command;
    }

    /**
     * A server on a new, empty database ({@code postgres} or H2), not yet started. The demo organization is
     * created on the first start with an API key chosen here.
     */
    public static ServerJar onFreshDatabase(boolean postgres) throws IOException {
        Map<String, Object> database = TestDatabase.fresh(postgres);
        String apiKey = "scl_live_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> environment = new HashMap<>();
        environment.put(
                "SCALING_DB_URL", database.get("datasources.default.url").toString());
        environment.put(
                "SCALING_DB_USER",
                database.getOrDefault("datasources.default.username", "sa").toString());
        environment.put(
                "SCALING_DB_PASSWORD",
                database.getOrDefault("datasources.default.password", "").toString());
        environment.put("SCALING_DEMO_API_KEY", apiKey);
        return new ServerJar(environment, Files.createTempDirectory("scaling-server-jar-"), apiKey, null);
    }

    /**
     * A server that {@code command} starts (a container image's entry point, say) with exactly {@code environment}
     * besides the port ({@code MICRONAUT_SERVER_PORT}); its database is its own business. {@code apiKey} is the
     * demo key the environment asks for.
     */
    public static ServerJar startedBy(List<String> command, Map<String, String> environment, String apiKey)
            throws IOException {
        return new ServerJar(
                new HashMap<>(environment), Files.createTempDirectory("scaling-server-"), apiKey, List.copyOf(command));
    }

    /**
     * A second server process on this one's database, with the same environment (not yet started): together they
     * are a cluster of two sharing a PostgreSQL. Start it after this one, which seeds the demo organization.
     */
    public ServerJar sibling() throws IOException {
        ServerJar sibling = new ServerJar(
                new HashMap<>(environment), Files.createTempDirectory("scaling-server-jar-"), apiKey, command);
        sibling.jvmOptions.clear();
        sibling.jvmOptions.addAll(jvmOptions);
        return sibling;
    }

    /** Sets an environment variable of the next starts (a log format, say). */
    public ServerJar withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Adds a JVM option to the next starts of the packaged jar (a JVM log, say). */
    public ServerJar withJvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public ServerJar start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = workDir.resolve("server-" + ++starts + ".log");
        ProcessBuilder builder = new ProcessBuilder(command == null ? javaJar() : command)
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        if (command != null) {
            builder.environment().clear();
        }
        builder.environment().putAll(environment);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        process = builder.start();
        uri = URI.create("http://localhost:" + port);
        awaitHealthy();
        return this;
    }

    private List<String> javaJar() {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", packagedJar().toString()));
        return command;
    }

    /** The packaged server jar, which the integration-test phase names after packaging. */
    public static Path packagedJar() {
        Path jar = Path.of(System.getProperty("scaling.server.jar", "")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No server jar at " + jar + ": this test runs in 'mvn verify', after" + " the server is packaged");
        }
        return jar;
    }

    /** The {@code java} launcher of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public URI uri() {
        return uri;
    }

    public String apiKey() {
        return apiKey;
    }

    /** SIGKILL, as the kernel's OOM killer or a pulled plug would end it, and wait until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The server did not die of SIGKILL within 30 s");
        }
    }

    /**
     * SIGSTOP: the process stays alive, holding its connections, but runs nothing, as in a long pause; {@link
     * #resume()} lets it go on.
     */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
        paused = true;
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
        paused = false;
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** A graceful stop (SIGTERM), for the end of a test. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (paused) {
            // A stopped process would not act on SIGTERM before it runs again.
            try {
                resume();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGTERM, as a service manager stops it; waits and answers the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The server did not stop within 60 s of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    /** The JDBC URL the server runs on. */
    public String databaseUrl() {
        return environment.get("SCALING_DB_URL");
    }

    /** A connection of the test's own to the server's database, to read what it stored (or lock what it needs). */
    public Connection connectToDatabase() throws SQLException {
        return DriverManager.getConnection(
                databaseUrl(), environment.get("SCALING_DB_USER"), environment.get("SCALING_DB_PASSWORD"));
    }

    /** The output of the latest start, for failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the server's own word that it listens ("Server Running: ..."), read from its output as it is written,
     * then asks {@code /health} once: no polling.
     */
    private void awaitHealthy() throws IOException, InterruptedException {
        CompletableFuture<Void> running = new CompletableFuture<>();
        Process started = process;
        Path output = log;
        Thread copier = new Thread(() -> copyOutput(started, output, running), "server-jar-output");
        copier.setDaemon(true);
        copier.start();
        try {
            running.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            kill();
            throw new IllegalStateException("The server did not start in " + STARTUP_TIMEOUT + ":\n" + log());
        } catch (ExecutionException e) {
            started.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException(e.getCause().getMessage() + ":\n" + log());
        }
        HttpResponse<Void> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri.resolve("/health"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() != 200) {
            throw new IllegalStateException("The server started but /health answered " + health.statusCode());
        }
    }

    /** Copies the process's output into its log file line by line; completes {@code running} at the start-up line. */
    private static void copyOutput(Process process, Path log, CompletableFuture<Void> running) {
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                file.write(line);
                file.write(System.lineSeparator());
                file.flush();
                if (line.contains("Server Running:")) {
                    running.complete(null);
                }
            }
        } catch (IOException e) {
            running.completeExceptionally(e);
        }
        running.completeExceptionally(new IllegalStateException("The server's output ended before it started"));
    }
}
