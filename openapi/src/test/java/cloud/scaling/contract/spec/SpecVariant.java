package cloud.scaling.contract.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A deliberately altered copy of a spec, edited by JSON pointer on its tree, for the tests that prove a check
 * catches what it should (a removed response, a new required field). Editing the tree instead of the text keeps
 * those tests working while the spec grows.
 */
public final class SpecVariant {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private final ObjectNode root;

    private SpecVariant(ObjectNode root) {
        this.root = root;
    }

    public static SpecVariant of(String specText) {
        try {
            return new SpecVariant((ObjectNode) YAML.readTree(specText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pointer to an operation: {@code /paths/~1v1~1incidents/post}. */
    public static String pointerTo(SpecOperation operation) {
        return "/paths/" + operation.path().replace("~", "~0").replace("/", "~1") + "/"
                + operation.method().toLowerCase();
    }

    public SpecVariant remove(String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        if (!(parent instanceof ObjectNode object) || object.remove(at.last().getMatchingProperty()) == null) {
            throw new IllegalArgumentException("Nothing to remove at " + pointer);
        }
        return this;
    }

    public SpecVariant set(String pointer, JsonNode value) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        if (!(parent instanceof ObjectNode object)) {
            throw new IllegalArgumentException("No object at " + at.head());
        }
        object.set(at.last().getMatchingProperty(), value);
        return this;
    }

    /** Appends to the array at {@code pointer}, creating it if absent. */
    public SpecVariant append(String pointer, String value) {
        JsonNode existing = root.at(pointer);
        ArrayNode array = existing.isArray() ? (ArrayNode) existing : YAML.createArrayNode();
        array.add(value);
        return set(pointer, array);
    }

    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    public String yaml() {
        try {
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
