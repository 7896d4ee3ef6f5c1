package cloud.scaling.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.Finished;
import cloud.scaling.support.RepositoryFile;
import cloud.scaling.support.ServerJar;
import cloud.scaling.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run} as a newcomer meets it, on a copy of the script in a directory of its own whose Maven wrapper is a
 * stand-in (printing what Maven prints, then leaving the packaged jar where the build would): the first build shows
 * its progress, and the admin command's class-data archive is recorded by a command that did its work, not by a
 * {@code --help}.
 */
class RunScriptIT {

    /** The size below which ./run records an archive again (the real ones: 35-60 MB, a --help's: 1.7 MB). */
    private static final long REPRESENTATIVE = 16L * 1024 * 1024;

    private static final String MAVEN_OUTPUT = """
            [INFO] Scanning for projects...
            [INFO] Downloading from central: https://repo.maven.apache.org/maven2/a/a/1/a-1.pom
            [INFO] Downloaded from central: https://repo.maven.apache.org/maven2/a/a/1/a-1.pom (2 kB at 9 kB/s)
            [INFO] Downloading from central: https://repo.maven.apache.org/maven2/b/b/1/b-1.pom
            [INFO] ------------------------------------------------------------------------
            [INFO] Reactor Build Order:
            [INFO] ----------------------< cloud.scaling:scaling-openapi >----------------------
            [INFO] Building Scaling OpenAPI contract 1.5.0-SNAPSHOT                             [1/2]
            [INFO]   from openapi/pom.xml
            [INFO] --------------------------------[ jar ]---------------------------------
            [INFO]\s
            [INFO] --- resources:3.3.1:resources (default-resources) @ scaling-openapi ---
            [INFO] Copying 3 resources
            [INFO] ----------------------< cloud.scaling:scaling-server >----------------------
            [INFO] Building Scaling server 1.5.0-SNAPSHOT                                       [2/2]
            [INFO] Downloading from central: https://repo.maven.apache.org/maven2/c/c/1/c-1.jar
            [INFO] --- compiler:3.14.0:compile (default-compile) @ scaling-server ---
            [INFO] Compiling 412 source files with javac [debug release 17] to target/classes
            [WARNING] a warning nobody needs while waiting
            [INFO] BUILD SUCCESS
            """;

    @Test
    void theFirstBuildShowsItsProgressOnStderr() throws Exception {
        Path dir = copyOfRun("cp '" + ServerJar.packagedJar() + "' server/target/scaling-server.jar");
        Finished version = run(dir, Map.of(), "admin", "--version");
        assertEquals(0, version.exit(), version.toString());
        assertEquals(
                List.of(
                        "Building the server (first run or sources changed; the first build takes minutes)...",
                        "  downloading dependencies...",
                        "Building Scaling OpenAPI contract 1.5.0-SNAPSHOT                             [1/2]",
                        "  resources:3.3.1:resources (default-resources) @ scaling-openapi",
                        "Building Scaling server 1.5.0-SNAPSHOT                                       [2/2]",
                        "  downloading dependencies...",
                        "  compiler:3.14.0:compile (default-compile) @ scaling-server"),
                version.stderr().lines().toList(),
                "a line per module and build step, a word on downloads, nothing else");
        assertEquals(MAVEN_OUTPUT, Files.readString(dir.resolve("target/run/build.log")), "Maven's whole output");
        assertTrue(version.stdout().startsWith("scaling-server "), version.toString());

        Finished again = run(dir, Map.of(), "admin", "--version");
        assertEquals("", again.stderr(), "the jar is current: no build");
    }

    @Test
    void aFailedBuildShowsItsErrorsAndStops() throws Exception {
        Path dir = copyOfRun("echo '[ERROR] COMPILATION ERROR : Foo.java:[3,1] class, interface expected'; exit 1");
        Finished failed = run(dir, Map.of(), "admin", "list-orgs");
        assertEquals(1, failed.exit(), failed.toString());
        assertTrue(
                failed.stderr()
                        .contains("[ERROR] COMPILATION ERROR : Foo.java:[3,1] class, interface expected\n"
                                + "The build failed (exit 1); Maven's whole output is in target/run/build.log.\n"),
                failed.toString());
        assertFalse(Files.exists(dir.resolve("target/run/scaling-server.jar")), "nothing was run");
    }

    @Test
    void theAdminArchiveIsRecordedByACommandThatDidItsWork() throws Exception {
        Path dir = copyOfRun("cp '" + ServerJar.packagedJar() + "' server/target/scaling-server.jar");
        Path archive = dir.resolve("target/run/admin.jsa");
        Map<String, String> database = Map.of(
                "SCALING_DB_URL",
                TestDatabase.fresh(false).get("datasources.default.url").toString());

        Finished help = run(dir, Map.of(), "admin", "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().contains("create-org"), help.toString());
        assertFalse(Files.exists(archive), "--help records no archive");

        // What ./run did before: an archive of --help's classes, which every later command mapped.
        Finished recordedByHelp = java(dir, "-XX:ArchiveClassesAtExit=" + archive, "admin", "--help");
        assertEquals(0, recordedByHelp.exit(), recordedByHelp.toString());
        assertTrue(Files.size(archive) < REPRESENTATIVE, "a --help's archive is small: " + Files.size(archive));

        Finished listed = run(dir, database, "admin", "list-orgs");
        assertEquals(0, listed.exit(), listed.toString());
        assertEquals("[]\n", listed.stdout(), listed.toString());
        assertTrue(
                Files.size(archive) >= REPRESENTATIVE,
                "recorded again by a command that did its work: " + Files.size(archive));

        FileTime recorded = Files.getLastModifiedTime(archive);
        Finished mapped = run(dir, database, "admin", "list-orgs");
        assertEquals(0, mapped.exit(), mapped.toString());
        assertEquals(listed.stderr(), mapped.stderr(), "nothing but the database line, no JVM warning");
        assertEquals(recorded, Files.getLastModifiedTime(archive), "a representative archive is kept");
    }

    /**
     * A directory with ./run, settings.tsv, jvm.options, sources older than any jar, and a Maven wrapper that prints
     * {@link #MAVEN_OUTPUT} and then runs {@code build} (which leaves the jar in place, or fails).
     */
    private static Path copyOfRun(String build) throws IOException {
        Path dir = Files.createTempDirectory("scaling-run-");
        for (String file : List.of("run", "settings.tsv", "jvm.options")) {
            Files.copy(RepositoryFile.of(file), dir.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        for (String source : List.of("pom.xml", "openapi/pom.xml", "server/pom.xml", "openapi/src/a", "server/src/a")) {
            Path file = dir.resolve(source);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
            Files.setLastModifiedTime(file, old);
        }
        Files.createDirectories(dir.resolve("server/target"));
        Path mvnw = dir.resolve("mvnw");
        Files.writeString(mvnw, "#!/usr/bin/env bash\ncat <<'MAVEN'\n" + MAVEN_OUTPUT + "MAVEN\n" + build + "\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static Finished run(Path dir, Map<String, String> environment, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", dir.resolve("run").toString()));
        command.addAll(List.of(args));
        return execute(dir, environment, command);
    }

    private static Finished java(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServerJar.java(), "-Xlog:disable"));
        command.add(args[0]);
        command.addAll(
                List.of("-jar", dir.resolve("target/run/scaling-server.jar").toString()));
        command.addAll(List.of(args).subList(1, args.length));
        return execute(dir, Map.of(), command);
    }

    private static Finished execute(Path dir, Map<String, String> environment, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("SCALING_DB_URL");
        builder.environment().putAll(environment);
        return Finished.run(builder);
    }
}
