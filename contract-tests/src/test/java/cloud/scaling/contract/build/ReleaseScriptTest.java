package cloud.scaling.contract.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cloud.scaling.contract.build.ScratchRuns.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code release/release.sh}, run for real on a temporary clone of this checkout (its files as they are now, committed
 * in a fresh git repository): the next minor version after the last release, as a release manager would cut it. A
 * dry run changes nothing; a release that breaks the last one, or whose spec says another version, is refused; a
 * real run builds every artifact at that version, keeps the spec in {@code openapi/released/}, commits, tags and
 * moves on to the next development version.
 */
class ReleaseScriptTest {

    private static final Path SPEC = Path.of("openapi", "src", "main", "resources", "openapi", "scaling.yaml");
    private static final Pattern RELEASED = Pattern.compile("scaling-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

    @BeforeAll
    static void notInsideAScratchBuild() {
        assumeFalse(Boolean.getBoolean(ScratchRuns.NESTED), "a scratch build started by a test");
    }

    @Test
    void aDryRunChecksEverythingAndChangesNothing(@TempDir Path clone) throws Exception {
        String version = cloneReadyFor(clone);
        String head = git(clone, "rev-parse", "HEAD");

        Run dryRun = release(clone, version, "--dry-run");

        assertEquals(0, dryRun.exitCode(), dryRun::output);
        assertTrue(dryRun.output().contains("Breaking-change gate: Compatible with "), dryRun::output);
        assertTrue(dryRun.output().contains("Dry run of " + version + " passed."), dryRun::output);
        assertEquals("", git(clone, "status", "--porcelain"), "a dry run changes no file");
        assertEquals(head, git(clone, "rev-parse", "HEAD"));
        assertEquals("", git(clone, "tag", "--list"));
    }

    @Test
    void aReleaseThatBreaksTheLastOneIsRefused(@TempDir Path clone) throws Exception {
        String version = cloneReadyFor(clone);
        Path spec = clone.resolve(SPEC);
        String text = Files.readString(spec);
        // An on-call operation's path, renamed: its clients would get 404s.
        assertTrue(text.contains("\n  /v1/oncall/schedules:\n"), "the path this test renames");
        Files.writeString(spec, text.replace("\n  /v1/oncall/schedules:\n", "\n  /v1/oncall/rotas:\n"));
        git(clone, "commit", "-q", "-am", "A breaking edit");

        Run refused = release(clone, version, "--dry-run");

        assertNotEquals(0, refused.exitCode(), refused::output);
        assertTrue(refused.output().contains("breaks clients of the released"), refused::output);
        assertTrue(refused.output().contains("(GET /v1/oncall/schedules): operation removed"), refused::output);
        assertTrue(refused.output().contains(version + " is not released"), refused::output);
    }

    @Test
    void aVersionTheSpecDoesNotCarryOrADirtyTreeIsRefused(@TempDir Path clone) throws Exception {
        String version = cloneReadyFor(clone);
        String other = "9.0.0";

        Run wrongVersion = release(clone, other, "--dry-run");
        assertEquals(1, wrongVersion.exitCode(), wrongVersion::output);
        assertTrue(
                wrongVersion.output().contains("the spec's info.version is '" + version + "', not " + other),
                wrongVersion::output);

        Files.writeString(clone.resolve("stray.txt"), "uncommitted");
        Run dirty = release(clone, version);
        assertEquals(1, dirty.exitCode(), dirty::output);
        assertTrue(dirty.output().contains("uncommitted changes"), dirty::output);
        assertEquals("?? stray.txt", git(clone, "status", "--porcelain"), "the refused release changed nothing");
    }

    @Test
    void aRealRunReleasesEveryArtifactAtTheVersionAndMovesOn(@TempDir Path clone) throws Exception {
        String version = cloneReadyFor(clone);
        String spec = Files.readString(clone.resolve(SPEC));

        Run released = release(clone, version);

        assertEquals(0, released.exitCode(), released::output);
        for (String artifact : List.of(
                "server jar manifest: ",
                "server --version: scaling-server ",
                "server admin --version: scaling-server ",
                "client jar manifest: ",
                "image tag: ")) {
            assertTrue(released.output().contains(artifact + version), () -> artifact + version + released.output());
        }
        // What the release commit holds: the spec kept, the CHANGELOG dated, every pom at the version.
        assertEquals(
                spec.strip(), git(clone, "show", "v" + version + ":openapi/released/scaling-" + version + ".yaml"));
        assertTrue(
                git(clone, "show", "v" + version + ":docs/api-changes.md").contains("\n## " + version + " (against "));
        String changelog = git(clone, "show", "v" + version + ":CHANGELOG.md");
        assertTrue(
                changelog.contains("## API " + version + " — " + LocalDate.now(ZoneOffset.UTC)),
                "the CHANGELOG section is dated");
        assertTrue(
                git(clone, "show", "v" + version + ":server/pom.xml").contains("<version>" + version + "</version>"));
        assertTrue(git(clone, "show", "v" + version + ":README.md").contains("<version>" + version + "</version>"));
        // Then the next development version, committed; nothing left over.
        String[] parts = version.split("\\.");
        String next = parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0-SNAPSHOT";
        assertTrue(Files.readString(clone.resolve("client/pom.xml")).contains("<version>" + next + "</version>"));
        assertEquals("", git(clone, "status", "--porcelain"));
        List<String> subjects = git(clone, "log", "-3", "--format=%s").lines().toList();
        assertEquals("Next development version: " + next, subjects.get(0));
        assertTrue(subjects.get(1).startsWith("Release " + version + ": "), subjects::toString);
        assertEquals("The checkout under test", subjects.get(2));
        // The packaged server says what it is.
        Run jarVersion = ScratchRuns.run(
                clone, Map.of(), List.of("java", "-jar", "server/target/scaling-server.jar", "--version"));
        assertEquals("scaling-server " + version, jarVersion.output().strip());
    }

    /**
     * A clone of this checkout ready for the next minor release after the last one in openapi/released/: its spec
     * carries that version, its CHANGELOG has an "Unreleased" section for it. Returns the version.
     */
    private static String cloneReadyFor(Path clone) throws IOException, InterruptedException {
        String files = git(ScratchRuns.ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z");
        for (String file : files.split("\0")) {
            Path source = ScratchRuns.ROOT.resolve(file);
            if (!file.isEmpty() && Files.isRegularFile(source)) {
                Files.createDirectories(clone.resolve(file).getParent());
                Files.copy(source, clone.resolve(file));
            }
        }
        int[] last = lastRelease();
        String version = last[0] + "." + (last[1] + 1) + ".0";
        Path spec = clone.resolve(SPEC);
        Files.writeString(
                spec,
                Files.readString(spec).replaceFirst("(?m)^(info:\\n(?:  .*\\n)*?  version: ).*$", "$1" + version));
        Path changelog = clone.resolve("CHANGELOG.md");
        String text = Files.readString(changelog);
        if (!text.contains("\n## Unreleased (API " + version + ")\n")) {
            int firstSection = text.indexOf("\n## ");
            text = text.substring(0, firstSection) + "\n## Unreleased (API " + version + ")\n\n### Changed\n- A test.\n"
                    + text.substring(firstSection);
            Files.writeString(changelog, text);
        }
        git(clone, "init", "-q");
        git(clone, "config", "user.email", "release-test@scaling.example");
        git(clone, "config", "user.name", "Release test");
        git(clone, "add", "-A");
        git(clone, "commit", "-q", "-m", "The checkout under test");
        return version;
    }

    private static int[] lastRelease() throws IOException {
        try (Stream<Path> files = Files.list(ScratchRuns.ROOT.resolve("openapi/released"))) {
            return files.map(file -> RELEASED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> new int[] {
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))
                    })
                    .max(Comparator.<int[]>comparingInt(v -> v[0])
                            .thenComparingInt(v -> v[1])
                            .thenComparingInt(v -> v[2]))
                    .orElseThrow();
        }
    }

    /** The script as a release manager runs it, with this build's Maven (offline) and this checkout's linters. */
    private static Run release(Path clone, String... arguments) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(ScratchRuns.mavenOptions());
        options.add("-Dscaling.spectral.home=" + ScratchRuns.ROOT.resolve("openapi/spectral"));
        options.add("-Dscaling.redocly.home=" + ScratchRuns.ROOT.resolve("openapi/redocly"));
        List<String> command = new ArrayList<>(List.of("bash", "release/release.sh"));
        command.addAll(List.of(arguments));
        return ScratchRuns.run(
                clone, Map.of("MVN", ScratchRuns.maven(), "RELEASE_MAVEN_ARGS", String.join(" ", options)), command);
    }

    private static String git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Run run = ScratchRuns.run(directory, Map.of(), command);
        assertEquals(0, run.exitCode(), () -> command + ": " + run.output());
        return run.output().strip();
    }
}
