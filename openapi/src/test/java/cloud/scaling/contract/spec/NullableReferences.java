package cloud.scaling.contract.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The spec says "this schema, or null" the way every generator reads it, {@code nullable: true} beside
 * {@code allOf: [$ref]} (Go's, TypeScript's and Java's clients and the Micronaut server all make it a nullable
 * field of the referenced type). swagger-request-validator reads it the strict OpenAPI 3.0.3 way instead:
 * {@code nullable} has no effect without a {@code type} beside it, so null fails the referenced schema. For the
 * validator only, each such reference is rewritten to a nullable copy of its target ({@code X} becomes
 * {@code X_nullable}: the same schema with {@code nullable: true}, and null among its enum values), which
 * the validator reads as meant. Paths and examples keep their places, so pointers into the result still name
 * the same spot of the spec.
 */
public final class NullableReferences {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String COMPONENTS = "#/components/schemas/";
    private static final String SUFFIX = "_nullable";

    private NullableReferences() {}

    /** The spec text with every nullable {@code allOf} reference turned into a reference to a nullable copy. */
    public static String expanded(String specText) {
        try {
            JsonNode root = YAML.readTree(specText);
            Set<String> targets = new LinkedHashSet<>();
            collect(root, targets);
            if (targets.isEmpty()) {
                return specText;
            }
            ObjectNode schemas = (ObjectNode) root.path("components").path("schemas");
            for (String target : targets) {
                JsonNode original = schemas.get(target);
                if (original == null || !original.isObject()) {
                    throw new IllegalArgumentException("A nullable reference names no schema: " + COMPONENTS + target);
                }
                schemas.set(target + SUFFIX, nullableCopy((ObjectNode) original));
            }
            rewrite(root);
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, Set<String> targets) {
        if (node.isObject()) {
            Optional<String> target = nullableReference((ObjectNode) node);
            if (target.isPresent()) {
                targets.add(target.get());
                return;
            }
        }
        node.forEach(child -> collect(child, targets));
    }

    private static void rewrite(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Optional<String> target = nullableReference(object);
            if (target.isPresent()) {
                object.removeAll();
                object.put("$ref", COMPONENTS + target.get() + SUFFIX);
                return;
            }
        }
        node.forEach(NullableReferences::rewrite);
    }

    /** The component a {@code {nullable: true, allOf: [{$ref: X}]}} node names, if the node is one. */
    private static Optional<String> nullableReference(ObjectNode node) {
        JsonNode allOf = node.get("allOf");
        if (!node.path("nullable").asBoolean(false)
                || allOf == null
                || !allOf.isArray()
                || allOf.size() != 1
                || allOf.get(0).size() != 1) {
            return Optional.empty();
        }
        String ref = allOf.get(0).path("$ref").asText("");
        return ref.startsWith(COMPONENTS) ? Optional.of(ref.substring(COMPONENTS.length())) : Optional.empty();
    }

    private static ObjectNode nullableCopy(ObjectNode original) {
        ObjectNode copy = original.deepCopy();
        copy.put("nullable", true);
        if (copy.get("enum") instanceof ArrayNode values && !containsNull(values)) {
            values.addNull();
        }
        return copy;
    }

    private static boolean containsNull(ArrayNode values) {
        for (JsonNode value : values) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }
}
