package cloud.scaling.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ServerJar;
import cloud.scaling.support.TestDatabase;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar starts without opening itself as a zip file system, and what it reads instead is what Micronaut
 * would have read: the same service index, the same configuration (the server below answers on the port and
 * database {@code application.yml} takes from the environment).
 */
class JarStartIT {

    private static final String ZIP_FILE_SYSTEM = "jdk.nio.zipfs.ZipFileSystem ";

    @Test
    void theSeededIndexIsMicronautsOwnScanOfTheJar() throws Exception {
        Path jar = jar();
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
    void anAdminCommandStartsWithoutAZipFileSystem() throws Exception {
        Path classLog = Files.createTempFile("admin-classes-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        java(),
                        "-Xlog:class+load=info:file=" + classLog,
                        "-jar",
                        jar().toString(),
                        "admin",
                        "list-orgs")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment()
                .put(
                        "SCALING_DB_URL",
                        TestDatabase.fresh(false).get("datasources.default.url").toString());
        Process admin = builder.start();
        assertTrue(admin.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, admin.exitValue());
        assertStartedFromTheJarAlone(Files.readString(classLog));
    }

    @Test
    void theServerStartsWithoutAZipFileSystem() throws Exception {
        Path classLog = Files.createTempFile("server-classes-", ".log");
        String database =
                TestDatabase.fresh(false).get("datasources.default.url").toString();
        String apiKey = "scl_live_StartWithoutZipFs000000000000001";
        ServerJar server = ServerJar.startedBy(
                        List.of(java(), "-Xmx256m", "-Xlog:class+load=info:file=" + classLog, "-jar", jar().toString()),
                        Map.of("SCALING_DB_URL", database, "SCALING_DEMO_API_KEY", apiKey),
                        apiKey)
                .start();
        try {
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri().resolve("/v1/incidents"))
                                    .header("Authorization", "Bearer " + apiKey)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            // The demo key works: application.yml's SCALING_DEMO_API_KEY and SCALING_DB_URL were read.
            assertEquals(200, page.statusCode(), page.body());
        } finally {
            server.stop();
        }
        assertStartedFromTheJarAlone(Files.readString(classLog));
    }

    private static void assertStartedFromTheJarAlone(String loadedClasses) {
        assertTrue(loadedClasses.contains("cloud.scaling.startup.ServiceIndex "), "the jar's start-up ran");
        assertFalse(loadedClasses.contains(ZIP_FILE_SYSTEM), "the jar was opened as a zip file system");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("scaling.server.jar", "")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no server jar at " + jar + ": this test runs in 'mvn verify'");
        return jar;
    }
}
