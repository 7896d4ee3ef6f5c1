package cloud.scaling.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ServerJar;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar starts without opening itself as a zip file system, and what it reads instead is what Micronaut
 * would have read: the same service index, the same configuration (the server below answers with the demo key
 * {@code application.yml} takes from the environment). The admin command's side is in {@code AdminJarIT}.
 */
public class JarStartIT {

    @Test
    void theSeededIndexIsMicronautsOwnScanOfTheJar() throws Exception {
        Path jar = ServerJar.packagedJar();
        Map<String, Set<String>> micronauts;
        try (URLClassLoader onlyTheJar =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            micronauts = MicronautMetaServiceLoaderUtils.findAllMicronautMetaServices(onlyTheJar);
        }
        Map<String, Set<String>> seeded = ServiceIndex.read(jar);
        assertTrue(
                seeded.getOrDefault("io.micronaut.inject.BeanDefinitionReference", Set.of()).stream()
                        .anyMatch(reference -> reference.startsWith("cloud.scaling.incidents.")),
                "the server's own bean definitions are indexed: " + seeded);
        assertEquals(micronauts, seeded);
    }

    @Test
    void theServerStartsWithoutAZipFileSystem() throws Exception {
        Path classLog = Files.createTempFile("server-classes-", ".log");
        ServerJar server = ServerJar.onFreshDatabase(false)
                .withJvmOption("-Xlog:class+load=info:file=" + classLog)
                .start();
        try {
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri().resolve("/v1/incidents"))
                                    .header("Authorization", "Bearer " + server.apiKey())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            // The demo key works: application.yml's SCALING_DEMO_API_KEY and SCALING_DB_URL were read.
            assertEquals(200, page.statusCode(), page.body());
        } finally {
            server.stop();
        }
        assertStartedFromTheJarAlone(Files.readString(classLog));
    }

    /** Asserts, from a JVM's class-load log, that the jar's start-up ran and no zip file system was opened. */
    public static void assertStartedFromTheJarAlone(String loadedClasses) {
        assertTrue(loadedClasses.contains("cloud.scaling.startup.ServiceIndex "), "the jar's start-up ran");
        assertFalse(loadedClasses.contains("jdk.nio.zipfs.ZipFileSystem "), "the jar was opened as a zip file system");
    }

    /** A port in use: the one line that says so, no stack trace, and exit code 1. */
    @Test
    void aPortInUseIsOneLine() throws Exception {
        Path data = Files.createTempDirectory("busy-port-");
        try (ServerSocket taken = new ServerSocket(0)) {
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    ServerJar.packagedJar().toString());
            builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(taken.getLocalPort()));
            builder.environment().put("SCALING_DB_URL", "jdbc:h2:file:" + data.resolve("scaling"));
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server exits");
            assertEquals(1, process.exitValue(), stderr);
            List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
            assertEquals(1, lines.size(), stderr);
            assertTrue(lines.get(0).contains(taken.getLocalPort() + " already in use"), stderr);
        }
    }
}
