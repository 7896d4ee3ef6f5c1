package cloud.scaling.contract.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spec's request and response examples per operation, read from the raw document (example values stay
 * exactly as written; the parser would turn dates into Java dates), {@code $ref}s to components followed.
 */
public final class SpecExamples {

    /** One example response: status, example name ("example" for a lone one), media type and body. */
    public record ResponseExample(int status, String name, String mediaType, JsonNode body) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode root;

    public SpecExamples(String specText) {
        try {
            this.root = YAML.readTree(specText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ResponseExample> responses(SpecOperation operation) {
        List<ResponseExample> examples = new ArrayList<>();
        resolve(root.at(SpecVariant.pointerTo(operation) + "/responses"))
                .fields()
                .forEachRemaining(response -> {
                    if (response.getKey().matches("\\d{3}")) {
                        resolve(response.getValue())
                                .path("content")
                                .fields()
                                .forEachRemaining(media -> examplesOf(media.getValue())
                                        .forEach(example -> examples.add(new ResponseExample(
                                                Integer.parseInt(response.getKey()),
                                                example.name(),
                                                media.getKey(),
                                                example.body()))));
                    }
                });
        return examples;
    }

    /** The first example of the JSON request body, if the spec gives one. */
    public Optional<JsonNode> request(SpecOperation operation) {
        JsonNode media = resolve(root.at(SpecVariant.pointerTo(operation) + "/requestBody"))
                .path("content")
                .path("application/json");
        return examplesOf(media).stream().map(Named::body).findFirst();
    }

    private record Named(String name, JsonNode body) {}

    private List<Named> examplesOf(JsonNode media) {
        List<Named> examples = new ArrayList<>();
        if (media.has("example")) {
            examples.add(new Named("example", media.get("example")));
        }
        media.path("examples")
                .fields()
                .forEachRemaining(example -> examples.add(
                        new Named(example.getKey(), resolve(example.getValue()).path("value"))));
        return examples;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
            node = root.at(JsonPointer.compile(node.get("$ref").asText().substring(1)));
        }
        return node;
    }
}
