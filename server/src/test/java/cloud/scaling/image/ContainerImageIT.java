package cloud.scaling.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.Finished;
import cloud.scaling.support.RepositoryFile;
import cloud.scaling.support.ServerJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container image the build makes ({@code target/scaling-server-image.tar}, the layout {@code docker load}
 * reads) runs the server as a container runtime would run it, without a Docker daemon: its layers unpacked in
 * order into a root file system, its entry point started there by a mount namespace ({@code unshare --root}) as
 * its user, in its working directory and with its environment only, plus what a runtime adds ({@code /proc},
 * {@code /etc/hosts}).
 */
class ContainerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path unpacked;
    private ServerJar server;

    @Test
    void theImageRunsTheServerAsItsUnprivilegedUserOnTheEmbeddedDatabase() throws Exception {
        Assumptions.assumeTrue(
                (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0,
                "a mount namespace with another root and user needs root (CI runs as root)");
        Path image = Path.of(System.getProperty("scaling.server.image", ""));
        assertTrue(Files.isRegularFile(image), "no image at " + image + ": this test runs in 'mvn verify'");
        unpacked = Files.createTempDirectory("scaling-image-");
        run("tar", "-xf", image.toString(), "-C", unpacked.toString());

        JsonNode manifest =
                JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        assertTrue(manifest.get("RepoTags").get(0).asText().startsWith("scaling-server:"), manifest.toString());
        JsonNode config = JSON.readTree(
                        unpacked.resolve(manifest.get("Config").asText()).toFile())
                .get("config");
        List<String> entrypoint = strings(config.get("Entrypoint"));
        assertEquals("java", entrypoint.get(0), "the entry point: " + entrypoint);
        assertTrue(entrypoint.contains("@/etc/scaling/jvm.options"), "./run's JVM defaults: " + entrypoint);
        assertEquals("65532:65532", config.get("User").asText(), "an unprivileged user");
        assertTrue(config.get("ExposedPorts").has("8080/tcp"), config.toString());
        String workingDirectory = config.get("WorkingDir").asText();
        Map<String, String> environment = new HashMap<>();
        for (String variable : strings(config.get("Env"))) {
            environment.put(
                    variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }

        Path root = Files.createDirectories(unpacked.resolve("rootfs"));
        for (JsonNode layer : manifest.get("Layers")) {
            run(
                    "tar",
                    "--warning=no-unknown-keyword",
                    "-xzf",
                    unpacked.resolve(layer.asText()).toString(),
                    "-C",
                    root.toString());
        }
        // What a container runtime provides: /proc (the launcher finds its libraries through /proc/self/exe) and
        // an /etc/hosts that names the container's host name (H2's AUTO_SERVER looks it up).
        Files.createDirectories(root.resolve("proc"));
        String hostName = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost " + hostName + "\n");

        String java = onPath(root, environment.get("PATH"), entrypoint.get(0));
        String[] user = config.get("User").asText().split(":");
        List<String> command = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--mount-proc",
                "--root=" + root,
                "--wd=" + workingDirectory,
                "--setuid",
                user[0],
                "--setgid",
                user[1],
                java));
        command.addAll(entrypoint.subList(1, entrypoint.size()));
        String apiKey = "scl_live_" + UUID.randomUUID().toString().replace("-", "");
        environment.put("SCALING_DEMO_API_KEY", apiKey);
        server = ServerJar.startedBy(command, environment, apiKey).start();

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(server.uri().resolve("/v1/incidents"))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"From the image\",\"severity\":\"low\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> docs = http.send(
                HttpRequest.newBuilder(server.uri().resolve("/docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, docs.statusCode(), "the bundled API reference");

        // compose.yaml's health check, run in the container as the runtime runs it (same root, user and environment).
        List<String> healthCheck = new ArrayList<>(command.subList(0, command.size() - entrypoint.size() + 1));
        healthCheck.addAll(composeHealthCheck().subList(2, composeHealthCheck().size()));
        ProcessBuilder probe = new ProcessBuilder(healthCheck);
        probe.environment().clear();
        probe.environment().putAll(environment);
        probe.environment()
                .put("MICRONAUT_SERVER_PORT", String.valueOf(server.uri().getPort()));
        Finished healthy = Finished.run(probe);
        assertEquals(0, healthy.exit(), healthy.toString());
        assertTrue(healthy.stdout().contains("/health: 200 {\"status\":\"UP\"}"), healthy.toString());

        // The embedded database lives in the working directory, written by the unprivileged user.
        Path database = root.resolve(workingDirectory.substring(1)).resolve("data/scaling.mv.db");
        assertTrue(Files.isRegularFile(database), "H2 file at " + database);
        assertEquals(Integer.parseInt(user[0]), Files.getAttribute(database, "unix:uid"));
        assertEquals(128 + 15, server.terminate(), "SIGTERM ends it cleanly:\n" + server.log());
        assertFalse(server.log().contains("Exception"), server.log());
    }

    /** The {@code test} of compose.yaml's health check for the server: {@code CMD java …}. */
    @SuppressWarnings("unchecked")
    private static List<String> composeHealthCheck() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(RepositoryFile.of("compose.yaml")));
        Map<String, Object> scaling =
                (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("scaling");
        List<String> test = (List<String>) ((Map<String, Object>) scaling.get("healthcheck")).get("test");
        assertEquals(List.of("CMD", "java"), test.subList(0, 2), test.toString());
        return test;
    }

    @AfterEach
    void removeTheUnpackedImage() throws IOException, InterruptedException {
        if (server != null) {
            server.stop();
        }
        if (unpacked == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(unpacked)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Where the image's {@code PATH} finds {@code program}, as the runtime resolves the entry point. */
    private static String onPath(Path root, String path, String program) {
        for (String directory : path.split(":")) {
            Path candidate = root.resolve(directory.substring(1)).resolve(program);
            if (Files.isExecutable(candidate)) {
                return directory + "/" + program;
            }
        }
        throw new AssertionError(program + " is not on the image's PATH " + path);
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asText()));
        return strings;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
    }
}
