package cloud.scaling.contract.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.spec.SchemaCheck;
import cloud.scaling.contract.spec.Spec;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every example in the spec validates against the schema it illustrates: media-type and parameter examples
 * ({@code example}, {@code examples.*.value}, {@code $ref}s to components/examples) against their schema,
 * and each schema's own {@code example} against that schema. Examples are what readers copy and what the
 * client tests replay, so a wrong one is a bug. The raw YAML is walked, not the parsed model, because the
 * parser reinterprets example values (dates become Java dates).
 */
@Order(3)
class SpecExamplesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyExampleMatchesItsSchema() throws Exception {
        List<String> problems = ExampleWalker.problems(Spec.current().text());
        assertTrue(
                problems.isEmpty(),
                () -> "Examples that contradict their schema:\n  - " + String.join("\n  - ", problems));
    }

    @Test
    void theWalkerFindsExamplesAndCatchesAWrongOne() throws Exception {
        String text = Spec.current().text();
        assertTrue(ExampleWalker.count(text) >= 10, "the walker must find the spec's examples");
        String wrong = text.replaceFirst("status: investigating", "status: sleeping");
        List<String> problems = ExampleWalker.problems(wrong);
        assertEquals(1, problems.size(), () -> "one wrong example, one problem: " + problems);
        assertTrue(problems.get(0).contains("sleeping") && problems.get(0).contains("/paths/"), problems::toString);
    }

    /** Finds each example in the raw document and checks it against the schema beside or above it. */
    static final class ExampleWalker {

        private final JsonNode root;
        private final SchemaCheck check;
        private final List<String> problems = new ArrayList<>();
        private int examples;

        private ExampleWalker(String text) throws Exception {
            this.root = YAML.readTree(text);
            this.check = new SchemaCheck(text);
        }

        static List<String> problems(String text) throws Exception {
            ExampleWalker walker = new ExampleWalker(text);
            walker.walk(walker.root, "");
            return walker.problems;
        }

        static int count(String text) throws Exception {
            ExampleWalker walker = new ExampleWalker(text);
            walker.walk(walker.root, "");
            return walker.examples;
        }

        private void walk(JsonNode node, String pointer) {
            if (!node.isContainerNode()) {
                return;
            }
            if (node.isObject()) {
                checkHere(node, pointer);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            int index = 0;
            if (node.isArray()) {
                for (JsonNode item : node) {
                    walk(item, pointer + "/" + index++);
                }
                return;
            }
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("example") || field.getKey().equals("examples")) {
                    continue; // example values are data, not spec: never walk into them
                }
                walk(field.getValue(), pointer + "/" + escape(field.getKey()));
            }
        }

        /** A media type or parameter (has "schema") or a schema itself (has "type", "$ref" or "properties"). */
        private void checkHere(JsonNode node, String pointer) {
            JsonNode schemaNode = node.has("schema") ? node.get("schema") : looksLikeSchema(node) ? node : null;
            if (schemaNode == null) {
                return;
            }
            if (node.has("example")) {
                check(node.get("example"), schemaNode, pointer + "/example");
            }
            if (node.has("examples") && node.get("examples").isObject() && node.has("schema")) {
                node.get("examples").fields().forEachRemaining(example -> {
                    JsonNode value = resolve(example.getValue());
                    if (value.has("value")) {
                        check(value.get("value"), schemaNode, pointer + "/examples/" + escape(example.getKey()));
                    }
                });
            }
        }

        private void check(JsonNode example, JsonNode schemaNode, String pointer) {
            examples++;
            Schema<?> schema = Json.mapper().convertValue(schemaNode, Schema.class);
            check.problems(example, schema).forEach(problem -> problems.add(pointer + ": " + problem));
        }

        private JsonNode resolve(JsonNode node) {
            if (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
                return root.at(JsonPointer.compile(node.get("$ref").asText().substring(1)));
            }
            return node;
        }

        private static boolean looksLikeSchema(JsonNode node) {
            return node.has("type") || node.has("properties") || node.has("$ref") || node.has("allOf");
        }

        private static String escape(String key) {
            return key.replace("~", "~0").replace("/", "~1");
        }
    }
}
