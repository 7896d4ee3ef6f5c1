package cloud.scaling.contract.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cloud.scaling.contract.spec.Spec;
import cloud.scaling.contract.spec.SpecVariant;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a spec author meets, proven with the real build on a scratch copy of the project (the poms, {@code .mvn}
 * and the whole openapi module): a breaking edit makes {@code mvn -B verify} fail in the openapi module, with
 * the breaking-change gate's text and no other failure, before anything is generated from the spec; an
 * additive edit passes, and the gate asks for the next minor version.
 */
class SpecAuthorBuildTest {

    private static final String NESTED = "scaling.nested.build";
    private static final Path ROOT = Path.of(System.getProperty("scaling.project.root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path SPEC = Path.of("openapi", "src", "main", "resources", "openapi", "scaling.yaml");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @BeforeAll
    static void notInsideAScratchBuild() {
        // The scratch build never gets this far when the gate works; if it ever did, it must not recurse.
        assumeFalse(Boolean.getBoolean(NESTED), "a scratch build started by this test");
    }

    @Test
    void aBreakingEditFailsInTheOpenapiModuleWithTheGatesText(@TempDir Path scratch) throws Exception {
        copyProject(scratch);
        // The edit the issue names: a request enum loses a value.
        edit(
                scratch,
                SpecVariant.of(Files.readString(ROOT.resolve(SPEC)))
                        .set(
                                "/components/schemas/Severity/enum",
                                JSON.arrayNode().add("critical").add("high").add("medium")));

        Build build = maven(scratch, "-B", "-o", "verify");

        assertNotEquals(0, build.exitCode(), build::output);
        assertTrue(build.output().contains("breaks clients of the released"), build::output);
        assertTrue(build.output().contains("field severity: enum changed (removed [low]"), build::output);
        assertTrue(build.output().contains("raise info.version to"), build::output);
        assertTrue(
                build.output()
                        .matches("(?s).*\\[ERROR] Failed to execute goal \\S+maven-surefire-plugin\\S+ "
                                + "\\(breaking-change-gate\\) on project scaling-openapi.*"),
                build::output);
        assertTrue(
                build.output().matches("(?s).*\\[ERROR] Failures:\\s*\n\\[ERROR]\\s+BreakingChangeGateTest.*"),
                build::output);
        assertTrue(
                build.output().matches("(?s).*Tests run: \\d+, Failures: 1, Errors: 0, Skipped: \\d+\\s*\n.*"),
                () -> "the gate is the one failure: " + build.output());
        assertFalse(build.output().contains("@ scaling-server"), "nothing of the server ran: " + build.output());
    }

    @Test
    void anAdditiveEditPassesAndAsksForTheNextMinorVersion(@TempDir Path scratch) throws Exception {
        copyProject(scratch);
        // As right after a release: the current spec is the last released one, and the author adds a field.
        String version = Spec.current().version();
        Files.copy(ROOT.resolve(SPEC), scratch.resolve("openapi/released/scaling-" + version + ".yaml"));
        // Typed into the text as an author would (the spec keeps its own formatting, which the examples' self-test
        // relies on): a new optional field of IncidentCreate.
        String text = Files.readString(ROOT.resolve(SPEC));
        Matcher properties = Pattern.compile("\n    IncidentCreate:\n(?:      .*\n)*?      properties:\n")
                .matcher(text);
        assertTrue(properties.find(), "IncidentCreate's properties are where this test adds a field");
        Files.writeString(
                scratch.resolve(SPEC), text.substring(0, properties.end()) + """
                        runbookUrl:
                          type: string
                          description: A link to the runbook.
                """ + text.substring(properties.end()));

        // Spectral and Redocly come from this checkout's install, so that the scratch build needs no download.
        Build build = maven(
                scratch,
                "-B",
                "-o",
                "verify",
                "-pl",
                "openapi",
                "-Dscaling.spectral.home=" + ROOT.resolve("openapi/spectral"),
                "-Dscaling.redocly.home=" + ROOT.resolve("openapi/redocly"));

        assertEquals(0, build.exitCode(), build::output);
        int[] parts =
                Stream.of(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
        assertTrue(build.output().contains("Breaking-change gate: Compatible with " + version), build::output);
        assertTrue(build.output().contains("raise it to " + parts[0] + "." + (parts[1] + 1) + ".0"), build::output);
    }

    private record Build(int exitCode, String output) {}

    private static Build maven(Path project, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("scaling.maven.home", "/usr/share/maven"), "bin", "mvn")
                .toString());
        command.addAll(List.of(arguments));
        command.add("-D" + NESTED + "=true");
        String repository = System.getProperty("scaling.maven.repository");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        Path log = project.resolve("build.log");
        Process process = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The scratch build did not end within 15 minutes: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The poms of every module, .mvn, and the openapi module without its build output and installed tools. */
    private static void copyProject(Path scratch) throws IOException {
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(ROOT)
                                && List.of("target", "node_modules", ".git", "data")
                                        .contains(name)
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = ROOT.relativize(file);
                boolean modulePom = relative.getFileName().toString().equals("pom.xml") && relative.getNameCount() <= 2;
                if (modulePom || relative.startsWith(".mvn") || relative.startsWith("openapi")) {
                    Files.createDirectories(scratch.resolve(relative).getParent());
                    Files.copy(file, scratch.resolve(relative));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void edit(Path scratch, SpecVariant variant) throws IOException {
        Files.writeString(scratch.resolve(SPEC), variant.yaml());
    }
}
