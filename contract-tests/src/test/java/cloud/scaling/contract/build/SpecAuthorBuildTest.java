package cloud.scaling.contract.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cloud.scaling.contract.build.ScratchRuns.Run;
import cloud.scaling.contract.spec.Spec;
import cloud.scaling.contract.spec.SpecVariant;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a spec author meets, proven with the real build on a scratch copy of the project (the poms, {@code .mvn},
 * the whole openapi module and the API changes page): a breaking edit makes {@code mvn -B verify} fail in the openapi module, with
 * the breaking-change gate's text and no other failure, before anything is generated from the spec; an
 * additive edit passes, and the gate asks for the next minor version.
 */
class SpecAuthorBuildTest {

    private static final String NESTED = ScratchRuns.NESTED;
    private static final Path ROOT = ScratchRuns.ROOT;
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

        Run build = maven(scratch, "-B", "verify");

        assertTheGateAloneFails(build, "field severity: enum changed (removed [low]");
    }

    @Test
    void removingAnOncallAndAnAlertOperationFailsTheGate(@TempDir Path scratch) throws Exception {
        copyProject(scratch);
        // What the 1.0.0 release did not protect and 1.4.0 does: the on-call and alert surface.
        edit(
                scratch,
                SpecVariant.of(Files.readString(ROOT.resolve(SPEC)))
                        .remove("/paths/~1v1~1oncall~1schedules/get")
                        .remove("/paths/~1v1~1alerts~1generic"));

        Run build = maven(scratch, "-B", "verify");

        assertTheGateAloneFails(
                build,
                "listOncallSchedules (GET /v1/oncall/schedules): operation removed",
                "ingestGenericAlert (POST /v1/alerts/generic): operation removed");
    }

    /** The build failed in the openapi module's gate, with the gate's text naming each break, and nothing else. */
    private static void assertTheGateAloneFails(Run build, String... breaks) {
        assertNotEquals(0, build.exitCode(), build::output);
        assertTrue(build.output().contains("breaks clients of the released"), build::output);
        for (String line : breaks) {
            assertTrue(build.output().contains(line), () -> line + " in: " + build.output());
        }
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
        Run build = maven(
                scratch,
                "-B",
                "verify",
                "-pl",
                "openapi",
                "-Dscaling.spectral.home=" + ROOT.resolve("openapi/spectral"),
                "-Dscaling.redocly.home=" + ROOT.resolve("openapi/redocly"),
                // As the author does after the first build names the stale page: the new field is listed there.
                "-Dscaling.api-changes.write=true");

        assertEquals(0, build.exitCode(), build::output);
        assertTrue(Files.readString(scratch.resolve("docs/api-changes.md")).contains("`runbookUrl`"));
        int[] parts =
                Stream.of(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
        assertTrue(build.output().contains("Breaking-change gate: Compatible with " + version), build::output);
        assertTrue(build.output().contains("raise it to " + parts[0] + "." + (parts[1] + 1) + ".0"), build::output);
    }

    private static Run maven(Path project, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ScratchRuns.maven()));
        command.addAll(List.of(arguments));
        command.addAll(ScratchRuns.mavenOptions());
        return ScratchRuns.run(project, Map.of(), command);
    }

    /** The poms of every module, .mvn, the openapi module without its build output and tools, docs/api-changes.md. */
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
                if (modulePom
                        || relative.startsWith(".mvn")
                        || relative.startsWith("openapi")
                        || relative.equals(Path.of("docs", "api-changes.md"))) {
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
