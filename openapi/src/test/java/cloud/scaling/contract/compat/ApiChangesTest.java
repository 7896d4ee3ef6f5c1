package cloud.scaling.contract.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * docs/api-changes.md is what {@link ApiChanges} makes of openapi/released/ and the current spec: the build fails
 * when it is stale, and {@code -Dscaling.api-changes.write=true} rewrites it instead.
 */
@Order(5)
class ApiChangesTest {

    private static final Path PAGE = Path.of(System.getProperty("scaling.api-changes.file", "../docs/api-changes.md"));

    @Test
    void thePageIsCurrent() throws IOException {
        String expected = ApiChanges.page(
                ApiChanges.releases(BreakingChangeGateTest.releasedDir()),
                Spec.current().text());
        if (Boolean.getBoolean("scaling.api-changes.write")) {
            Files.createDirectories(PAGE.toAbsolutePath().getParent());
            Files.writeString(PAGE, expected);
            System.out.println("API changes: wrote " + PAGE.toAbsolutePath().normalize());
            return;
        }
        assertTrue(
                Files.exists(PAGE),
                () -> PAGE.toAbsolutePath().normalize() + " is missing: " + ApiChanges.HOW_TO_REGENERATE);
        assertEquals(
                expected,
                Files.readString(PAGE),
                () -> "docs/api-changes.md is stale (the spec or openapi/released/ changed): regenerate it with "
                        + ApiChanges.HOW_TO_REGENERATE);
    }

    @Test
    void aNewFieldAndARemovedOperationShowInTheUnreleasedSection() {
        List<Path> releases = ApiChanges.releases(BreakingChangeGateTest.releasedDir());
        String text = Spec.current().text();
        String changed = text.replaceFirst(
                        "\n    IncidentCreate:\n((?:      .*\n)*?)      properties:\n",
                        "\n    IncidentCreate:\n$1      properties:\n        runbookUrl:\n          type: string\n")
                .replace(
                        "\n  /v1/oncall/schedules/{scheduleId}/shifts:\n",
                        "\n  /v1/oncall/schedules/{scheduleId}/rota:\n");

        String page = ApiChanges.page(releases, changed);

        String unreleased =
                page.substring(page.indexOf("## Unreleased"), page.indexOf("\n## ", page.indexOf("## Unreleased") + 1));
        assertTrue(unreleased.contains("runbookUrl"), unreleased);
        assertTrue(unreleased.contains("**Breaking changes:**"), unreleased);
        assertTrue(unreleased.contains("/v1/oncall/schedules/{scheduleId}/shifts): operation removed"), unreleased);
        assertTrue(unreleased.contains("/v1/oncall/schedules/{scheduleId}/rota"), unreleased);
    }
}
