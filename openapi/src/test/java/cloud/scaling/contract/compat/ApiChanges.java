package cloud.scaling.contract.compat;

import cloud.scaling.contract.spec.NullableReferences;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * docs/api-changes.md, generated from the specs by openapi-diff, the library of the breaking-change gate: one
 * section per released spec against the one before it, newest first, under a section of the changes not released
 * yet (the current spec against the last release). The CHANGELOG tells the story; this page lists the wire changes.
 */
final class ApiChanges {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static final String HOW_TO_REGENERATE =
            "./mvnw -B -pl openapi verify -Dscaling.api-changes.write=true -Dscaling.spectral.skip";

    private ApiChanges() {}

    /** The page for the releases in {@code releasedDir} (oldest first) and the current spec's text. */
    static String page(List<Path> releases, String current) {
        StringBuilder page = new StringBuilder()
                .append("# API changes\n\n")
                .append("Generated from the specs by openapi-diff (the library of the breaking-change gate); do not\n")
                .append("edit. The build fails when this page is stale; regenerate it with\n")
                .append("`")
                .append(HOW_TO_REGENERATE)
                .append("`.\n")
                .append("What each change means for its users is in [the changelog](../CHANGELOG.md).\n");
        Path last = releases.get(releases.size() - 1);
        page.append("\n## Unreleased (against ").append(version(last)).append(")\n\n");
        page.append(changes(read(last), current));
        for (int i = releases.size() - 1; i >= 0; i--) {
            Path release = releases.get(i);
            page.append("\n## ").append(version(release));
            if (i == 0) {
                page.append("\n\nThe first release in `openapi/released/`.\n");
            } else {
                page.append(" (against ").append(version(releases.get(i - 1))).append(")\n\n");
                page.append(changes(read(releases.get(i - 1)), read(release)));
            }
        }
        return page.toString();
    }

    /** What openapi-diff reports, with the gate's list of what breaks clients of the older spec. */
    static String changes(String older, String newer) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(
                withoutExamples(NullableReferences.asAllOf(older)), withoutExamples(NullableReferences.asAllOf(newer)));
        if (diff.isUnchanged()) {
            return "No change to the wire contract.\n";
        }
        StringBuilder text = new StringBuilder();
        BreakingChangeGate.Verdict verdict = BreakingChangeGate.judge("the older spec", older, newer);
        if (!verdict.breakingChanges().isEmpty()) {
            text.append("**Breaking changes:**\n\n");
            verdict.breakingChanges()
                    .forEach(line -> text.append("- ").append(line).append('\n'));
            text.append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new SectionRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append(bytes.toString(StandardCharsets.UTF_8).strip())
                .append('\n')
                .toString();
    }

    /**
     * The spec without its examples: they illustrate the contract without being part of it, and openapi-diff would
     * list every field whose example was reworded.
     */
    private static String withoutExamples(String spec) {
        try {
            JsonNode root = YAML.readTree(spec);
            strip(root);
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("example", "examples"));
            // The keys of "properties" are field names (a field may be called "example"): only their schemas go on.
            object.fields().forEachRemaining(field -> {
                if (field.getKey().equals("properties")) {
                    field.getValue().forEach(ApiChanges::strip);
                } else {
                    strip(field.getValue());
                }
            });
        } else {
            node.forEach(ApiChanges::strip);
        }
    }

    static List<Path> releases(Path releasedDir) {
        List<Path> releases = new ArrayList<>();
        try (var files = Files.list(releasedDir)) {
            files.filter(file -> BreakingChangeGateTest.isRelease(file)).forEach(releases::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        releases.sort(BreakingChangeGateTest.BY_VERSION);
        return releases;
    }

    private static String version(Path release) {
        return release.getFileName().toString().replaceAll("^scaling-|\\.yaml$", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** openapi-diff's Markdown without its document title, its headings nested under this page's sections. */
    private static final class SectionRender extends MarkdownRender {
        SectionRender() {
            // Changed descriptions and examples are the CHANGELOG's and the spec's business; the page lists the
            // contract (operations, parameters, fields, types, statuses).
            showChangedMetadata = false;
        }

        @Override
        protected String bigTitle(String title) {
            return "";
        }

        @Override
        protected String sectionTitle(String title) {
            return "\n### " + title.strip() + "\n\n";
        }
    }
}
