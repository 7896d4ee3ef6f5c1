package cloud.scaling.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.startup.JarStartIT;
import cloud.scaling.support.ServerJar;
import cloud.scaling.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The admin command as users run it, the packaged jar in a process of its own: stdout carries only the JSON line,
 * stderr only the database it acted on and the one-line error. Nothing else may reach either stream (no log lines of the pool, Flyway or the
 * logging library itself), which the in-process {@link AdminCommandTest} cannot see.
 */
class AdminJarIT {

    @Test
    void aResultIsOneJsonLineOnStdoutAndTheDatabaseOnStderr() throws Exception {
        Map<String, Object> database = TestDatabase.fresh(false);
        Outcome created = admin(
                database.get("datasources.default.url").toString(),
                "create-org",
                "--name",
                "Jar Co",
                "--admin-email",
                "ops@jar.example");
        assertEquals(0, created.exit, created.toString());
        assertEquals(1, created.stdout.lines().count(), created.toString());
        assertTrue(created.stdout.startsWith("{\"orgId\":\"org_"), created.toString());
        assertEquals(1, created.stderr.lines().count(), created.toString());
        assertTrue(created.stderr.startsWith("Database: "), created.toString());
    }

    @Test
    void aDatabaseFailureIsOneLineOnStderrAndExitCodeFive() throws Exception {
        Outcome failed = admin("jdbc:postgresql://127.0.0.1:1/nothing", "list-orgs");
        assertEquals(AdminCommand.DATABASE, failed.exit, failed.toString());
        assertEquals("", failed.stdout, failed.toString());
        assertEquals(1, failed.stderr.lines().count(), failed.toString());
        assertTrue(failed.stderr.startsWith("Database trouble: "), failed.toString());
    }

    /** Nor does it open its jar as a zip file system (cloud.scaling.startup; the server's side is in JarStartIT). */
    @Test
    void aCommandStartsWithoutAZipFileSystem() throws Exception {
        Path classLog = Files.createTempFile("admin-classes-", ".log");
        Outcome listed = admin(
                List.of("-Xlog:class+load=info:file=" + classLog),
                TestDatabase.fresh(false).get("datasources.default.url").toString(),
                "list-orgs");
        assertEquals(0, listed.exit, listed.toString());
        JarStartIT.assertStartedFromTheJarAlone(Files.readString(classLog));
    }

    private record Outcome(int exit, String stdout, String stderr) {}

    private static Outcome admin(String databaseUrl, String... args) throws IOException, InterruptedException {
        return admin(List.of(), databaseUrl, args);
    }

    private static Outcome admin(List<String> jvmOptions, String databaseUrl, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ServerJar.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", ServerJar.packagedJar().toString(), "admin"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SCALING_DB_URL", databaseUrl);
        Process process = builder.start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String stdout = read(process.getInputStream());
        return new Outcome(process.waitFor(), stdout, stderr.join());
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
