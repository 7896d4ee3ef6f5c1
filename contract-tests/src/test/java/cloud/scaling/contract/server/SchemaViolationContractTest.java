package cloud.scaling.contract.server;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.contract.server.support.Call;
import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.Samples;
import cloud.scaling.contract.spec.SpecOperation;
import cloud.scaling.contract.spec.Violation;
import cloud.scaling.contract.spec.Violations;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The negative cases the schemas imply, generated per operation by {@link Violations}: every one must answer
 * {@code 422 validation_error} with the code the spec describes and a message naming the field, never a 5xx.
 * Each request starts valid (real objects in the path, the smallest valid body) and breaks exactly one thing.
 */
class SchemaViolationContractTest extends ServerContractTest {

    @TestFactory
    Stream<DynamicContainer> everySchemaViolationIsRefused() {
        Org owner = newOrg();
        return SPEC.operations().stream()
                .map(op -> dynamicContainer(
                        op.label(),
                        Violations.of(op).stream()
                                .map(violation -> dynamicTest(
                                        violation.toString(),
                                        () -> send(op, violation, owner)
                                                .send()
                                                .expectError(422, violation.expectedCode(), violation.field())))));
    }

    private Call send(SpecOperation op, Violation violation, Org owner) {
        Map<String, String> pathValues = new HashMap<>(objects.pathParameters(op, owner));
        Map<String, String> query = new HashMap<>();
        JsonNode body = op.requestSchema().map(Samples::valid).orElse(null);
        switch (violation.location()) {
            case "path" -> pathValues.put(violation.pointer(), violation.value().asText());
            case "query" -> {
                if (!violation.removesField()) {
                    query.put(violation.pointer(), violation.value().asText());
                }
            }
            case "body" -> body = apply(body, violation);
            default -> throw new IllegalStateException("Unknown location " + violation.location());
        }
        Call call = http.call(op.method(), op.expand(pathValues) + queryString(query));
        if (op.secured()) {
            call.as(owner);
        }
        if (body != null) {
            call.json(body);
        }
        return call.breakingSpec(violation.toString());
    }

    /** The valid body with its parents set up and the one field at the violation's pointer broken. */
    private static JsonNode apply(JsonNode valid, Violation violation) {
        ObjectNode body = (ObjectNode) valid.deepCopy();
        // Copies: the set-up values are shared by every violation under the same parent.
        violation.setUp().forEach((pointer, value) -> set(body, JsonPointer.compile(pointer), value.deepCopy()));
        JsonPointer pointer = JsonPointer.compile(violation.pointer());
        if (violation.removesField()) {
            ((ObjectNode) body.at(pointer.head())).remove(pointer.last().getMatchingProperty());
        } else {
            set(body, pointer, violation.value());
        }
        return body;
    }

    private static void set(ObjectNode body, JsonPointer pointer, JsonNode value) {
        JsonNode parent = body.at(pointer.head());
        String name = pointer.last().getMatchingProperty();
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(name), value);
        } else {
            ((ObjectNode) parent).set(name, value);
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        query.forEach((name, value) -> out.append(out.length() == 0 ? '?' : '&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
