package cloud.scaling.contract.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.contract.spec.Spec;
import cloud.scaling.contract.spec.SpecOperation;
import cloud.scaling.contract.spec.SpecVariant;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The house rules every operation of the spec follows, checked on the spec itself so that a new operation
 * cannot forget one. Each rule is stated once, here, and derived from the operation (its security, its body,
 * its parameters), never from a list of names.
 */
@Order(2)
class SpecRulesTest {

    private static final Spec SPEC = Spec.current();

    @Test
    void theSpecParsesWithoutErrorsOrWarnings() {
        assertEquals(List.of(), SPEC.parserMessages(), "The parser's messages about the spec");
    }

    @Test
    void operationIdsAreUnique() {
        Map<String, Long> counts = SPEC.operations().stream()
                .map(SpecOperation::operationId)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        counts.values().removeIf(count -> count == 1);
        assertEquals(Map.of(), counts, "operationIds used more than once");
    }

    @TestFactory
    Stream<DynamicTest> everyOperationFollowsTheHouseRules() {
        return SPEC.operations().stream()
                .map(op -> dynamicTest(op.label(), () -> {
                    List<String> broken = houseRuleBreaches(SPEC, op);
                    assertTrue(
                            broken.isEmpty(),
                            () -> op.label() + " breaks the house rules:\n  - " + String.join("\n  - ", broken));
                }));
    }

    static List<String> houseRuleBreaches(Spec spec, SpecOperation op) {
        List<String> broken = new ArrayList<>();
        if (blank(op.operationId())) {
            broken.add("it has no operationId");
        }
        if (blank(op.operation().getSummary())) {
            broken.add("it has no summary");
        }
        require(op, 500, "every operation can fail", broken);
        require(op, 414, "any request line can be too long", broken);
        require(op, 431, "any request's headers can be too large", broken);
        if (op.secured()) {
            require(op, 401, "it is secured (an operation without a key uses security: [])", broken);
        }
        require(
                op,
                400,
                op.takesBody()
                        ? "it takes a body, which can be malformed JSON"
                        : "it takes no body, and one sent all the same is refused (unexpected_body)",
                broken);
        if (op.takesBody()) {
            require(op, 413, "it takes a body, which can be too large", broken);
            require(op, 415, "it takes a body, which can be of another media type", broken);
            require(op, 422, "it takes a body, which can break its schema", broken);
        }
        if (!op.parameters().isEmpty()) {
            require(op, 422, "it takes parameters, which can break their schema", broken);
        }
        if (op.takesId() && op.secured()) {
            require(op, 404, "it takes an id, which can name nothing of the caller's organization", broken);
        }
        op.operation().getResponses().forEach((status, response) -> {
            if (response.getHeaders() == null || !response.getHeaders().containsKey("X-Request-Id")) {
                broken.add(status + ": does not declare the X-Request-Id header every response carries");
            }
            if (status.matches("[45]\\d\\d") && !usesErrorSchema(spec, response)) {
                broken.add(status + ": an error response must have an application/json body of schema ApiError");
            }
        });
        return broken;
    }

    /**
     * What the server answers to a request that matches no operation is in the spec too, under
     * {@code x-unmatched-requests}: a 404 for an unknown path, a 405 with {@code Allow} for an undocumented method.
     */
    @Test
    void unmatchedRequestsAreDescribed() {
        Map<String, ApiResponse> responses = SPEC.unmatchedRequestResponses();
        assertEquals(Set.of("404", "405"), responses.keySet(), "the statuses x-unmatched-requests describes");
        responses.forEach((status, response) -> {
            assertTrue(usesErrorSchema(SPEC, response), status + ": must have the ApiError body");
            assertTrue(
                    response.getHeaders() != null && response.getHeaders().containsKey("X-Request-Id"),
                    status + ": must declare X-Request-Id");
        });
        assertTrue(responses.get("405").getHeaders().containsKey("Allow"), "405 must declare the Allow header");
    }

    @Test
    void theRulesCatchAnOperationThatBreaksThem() {
        SpecOperation victim = SPEC.operations().stream()
                .filter(SpecOperation::secured)
                .findFirst()
                .orElseThrow();
        String at = SpecVariant.pointerTo(victim);
        Spec broken = Spec.of(SpecVariant.of(SPEC.text())
                .remove(at + "/summary")
                .remove(at + "/responses/401")
                .yaml());
        assertEquals(
                List.of(
                        "it has no summary",
                        "no 401 response, yet it is secured (an operation without a key uses security: [])"),
                houseRuleBreaches(broken, broken.operation(victim.operationId())));
    }

    private static void require(SpecOperation op, int status, String because, List<String> broken) {
        if (!op.documents(status)) {
            broken.add("no " + status + " response, yet " + because);
        }
    }

    private static boolean usesErrorSchema(Spec spec, ApiResponse response) {
        if (response.getContent() == null
                || response.getContent().size() != 1
                || response.getContent().get("application/json") == null) {
            return false;
        }
        Schema<?> schema = response.getContent().get("application/json").getSchema();
        // Inlined where the parser resolved it (operations), a reference where it did not (components).
        return schema != null
                && ("#/components/schemas/ApiError".equals(schema.get$ref())
                        || Json.mapper()
                                .valueToTree(schema)
                                .equals(Json.mapper().valueToTree(spec.componentSchema("ApiError"))));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
