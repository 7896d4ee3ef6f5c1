package cloud.scaling.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.startup.JarStartIT;
import cloud.scaling.support.Finished;
import cloud.scaling.support.ServerJar;
import cloud.scaling.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Finished created = admin(
                database.get("datasources.default.url").toString(),
                "create-org",
                "--name",
                "Jar Co",
                "--admin-email",
                "ops@jar.example");
        assertEquals(0, created.exit(), created.toString());
        assertEquals(1, created.stdout().lines().count(), created.toString());
        assertTrue(created.stdout().startsWith("{\"orgId\":\"org_"), created.toString());
        assertEquals(1, created.stderr().lines().count(), created.toString());
        assertTrue(created.stderr().startsWith("Database: "), created.toString());
    }

    @Test
    void aDatabaseFailureIsOneLineOnStderrAndExitCodeFive() throws Exception {
        Finished failed = admin("jdbc:postgresql://127.0.0.1:1/nothing", "list-orgs");
        assertEquals(AdminCommand.DATABASE, failed.exit(), failed.toString());
        assertEquals("", failed.stdout(), failed.toString());
        assertEquals(1, failed.stderr().lines().count(), failed.toString());
        assertTrue(failed.stderr().startsWith("Database trouble: "), failed.toString());
    }

    /** Nor does it open its jar as a zip file system (cloud.scaling.startup; the server's side is in JarStartIT). */
    @Test
    void aCommandStartsWithoutAZipFileSystem() throws Exception {
        Path classLog = Files.createTempFile("admin-classes-", ".log");
        Finished listed = admin(
                List.of("-Xlog:class+load=info:file=" + classLog),
                TestDatabase.fresh(false).get("datasources.default.url").toString(),
                "list-orgs");
        assertEquals(0, listed.exit(), listed.toString());
        JarStartIT.assertStartedFromTheJarAlone(Files.readString(classLog));
    }

    /**
     * Without SCALING_DB_URL a command acts only on an embedded database that exists in ./data: where none does, it
     * refuses (exit 2, one line) and creates nothing, as the operator most likely meant the server's PostgreSQL.
     */
    @Test
    void withoutADatabaseNamedACommandActsOnlyOnAnEmbeddedDatabaseThatExists() throws Exception {
        Path dir = Files.createTempDirectory("admin-workdir-");
        Finished refused =
                admin(List.of(), dir, null, "create-org", "--name", "Guess Co", "--admin-email", "ops@guess.example");
        assertEquals(AdminCommand.USAGE, refused.exit(), refused.toString());
        assertEquals("", refused.stdout(), refused.toString());
        assertEquals(1, refused.stderr().lines().count(), refused.toString());
        assertTrue(
                refused.stderr()
                        .startsWith("No database to act on: SCALING_DB_URL is not set and there is no embedded"
                                + " database at " + dir.toRealPath().resolve("data/scaling.mv.db")),
                refused.toString());
        assertFalse(Files.exists(dir.resolve("data")), "no empty database was created");

        Finished created = admin(
                List.of(),
                dir,
                "jdbc:h2:file:./data/scaling",
                "create-org",
                "--name",
                "Guess Co",
                "--admin-email",
                "ops@guess.example");
        assertEquals(0, created.exit(), created.toString());
        Finished listed = admin(List.of(), dir, null, "list-orgs");
        assertEquals(0, listed.exit(), listed.toString());
        assertTrue(listed.stdout().contains("\"name\":\"Guess Co\""), listed.toString());
        assertTrue(listed.stderr().startsWith("Database: H2 file " + dir.toRealPath()), listed.toString());
    }

    private static Finished admin(String databaseUrl, String... args) throws IOException, InterruptedException {
        return admin(List.of(), databaseUrl, args);
    }

    private static Finished admin(List<String> jvmOptions, String databaseUrl, String... args)
            throws IOException, InterruptedException {
        return admin(jvmOptions, null, databaseUrl, args);
    }

    /** In {@code workDir} (null: this process's), with SCALING_DB_URL set to {@code databaseUrl} (null: unset). */
    private static Finished admin(List<String> jvmOptions, Path workDir, String databaseUrl, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ServerJar.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", ServerJar.packagedJar().toString(), "admin"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SCALING_DB_URL");
        if (databaseUrl != null) {
            builder.environment().put("SCALING_DB_URL", databaseUrl);
        }
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        return Finished.run(builder);
    }
}
