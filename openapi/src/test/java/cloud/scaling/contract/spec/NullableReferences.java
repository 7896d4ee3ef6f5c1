package cloud.scaling.contract.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The spec says "X or null" the strict OpenAPI 3.0.3 way: {@code anyOf: [{$ref: X}, {$ref: NullValue}]} (a
 * {@code nullable} without a {@code type} beside it means nothing there). Releases up to 1.4.0 wrote the same
 * meaning as {@code nullable: true} beside {@code allOf: [{$ref: X}]}, which every generator and validator we use
 * read alike. openapi-diff 2.1.7, the gate's library, does not: it compares an {@code anyOf}'s branches as if
 * they were the field's type and reports "type changed" for a wire-identical document. For openapi-diff only,
 * both documents are brought to the older form, which it reads as meant.
 */
public final class NullableReferences {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String COMPONENTS = "#/components/schemas/";
    static final String NULL_VALUE = COMPONENTS + "NullValue";

    private NullableReferences() {}

    /** The spec text with every {@code anyOf: [{$ref: X}, {$ref: NullValue}]} as {@code nullable} + {@code allOf}. */
    public static String asAllOf(String specText) {
        try {
            JsonNode root = YAML.readTree(specText);
            return rewrite(root) ? YAML.writeValueAsString(root) : specText;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean rewrite(JsonNode node) {
        boolean rewritten = false;
        if (node instanceof ObjectNode object) {
            Optional<String> target = nullableReference(object);
            if (target.isPresent()) {
                object.remove("anyOf");
                object.put("nullable", true);
                object.putArray("allOf").addObject().put("$ref", target.get());
                return true;
            }
        }
        for (JsonNode child : node) {
            rewritten |= rewrite(child);
        }
        return rewritten;
    }

    /** The reference X of an {@code anyOf: [{$ref: X}, {$ref: NullValue}]} node, if the node is one. */
    private static Optional<String> nullableReference(ObjectNode node) {
        JsonNode anyOf = node.get("anyOf");
        if (anyOf == null || !anyOf.isArray() || anyOf.size() != 2) {
            return Optional.empty();
        }
        String first = reference(anyOf.get(0));
        String second = reference(anyOf.get(1));
        if (second.equals(NULL_VALUE) && first.startsWith(COMPONENTS) && !first.equals(NULL_VALUE)) {
            return Optional.of(first);
        }
        return Optional.empty();
    }

    private static String reference(JsonNode branch) {
        return branch.size() == 1 ? branch.path("$ref").asText("") : "";
    }
}
