package cloud.scaling.contract.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.spec.ExchangeValidator;
import cloud.scaling.contract.spec.Samples;
import cloud.scaling.contract.spec.SpecOperation;
import cloud.scaling.contract.spec.WireRequest;
import cloud.scaling.contract.spec.WireResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The checks every server exchange goes through must be able to fail: doctored responses, each wrong in one
 * way, are all caught, with a message that names what is wrong.
 */
class ExchangeValidatorTest {

    private static final ExchangeValidator VALIDATOR = ExchangeValidator.current();
    private static final String KEY = "Bearer scl_live_" + "a".repeat(32);

    /** The first secured operation that answers a JSON object, with a request the spec allows. */
    private final SpecOperation op = VALIDATOR.spec().operations().stream()
            .filter(o ->
                    o.secured() && o.successStatus().flatMap(o::responseSchema).isPresent())
            .findFirst()
            .orElseThrow();

    private final int success = op.successStatus().orElseThrow();
    private final WireRequest request = WireRequest.of(
            op.method(),
            op.expand(pathValues()),
            op.requestSchema().isPresent()
                    ? Map.of("Authorization", List.of(KEY), "Content-Type", List.of("application/json"))
                    : Map.of("Authorization", List.of(KEY)),
            op.requestSchema().map(schema -> Samples.valid(schema).toString()).orElse(null));

    @Test
    void aCorrectExchangePasses() {
        assertEquals(List.of(), VALIDATOR.requestProblems(request));
        assertEquals(
                List.of(),
                VALIDATOR.responseProblems(
                        request, response(success, validBody().toString())));
    }

    @Test
    void aMissingKeyIsARequestProblem() {
        WireRequest anonymous = WireRequest.of(request.method(), request.path(), Map.of(), null);
        assertTrue(
                VALIDATOR.requestProblems(anonymous).stream().anyMatch(p -> p.contains("security")),
                () -> "" + VALIDATOR.requestProblems(anonymous));
    }

    @Test
    void anUndocumentedStatusIsCaught() {
        assertCaught(response(418, validBody().toString()), "418");
    }

    @Test
    void aMissingRequiredFieldIsCaught() {
        ObjectNode body = validBody();
        String field = body.fieldNames().next();
        body.remove(field);
        assertCaught(response(success, body.toString()), field);
    }

    @Test
    void anUndeclaredFieldIsCaught() {
        ObjectNode body = validBody();
        body.put("notInTheSpec", 1);
        assertCaught(response(success, body.toString()), "notInTheSpec");
    }

    @Test
    void aMissingRequestIdIsCaught() {
        WireResponse response = new WireResponse(
                success,
                Map.of("Content-Type", List.of("application/json")),
                validBody().toString());
        assertCaught(response, "X-Request-Id");
    }

    @Test
    void anErrorBodyThatContradictsItsHeadersIsCaught() {
        String error = """
                {"statusCode": 404, "type": "validation_error", "code": "x", "requestId": "%s", "message": "m"}""".formatted(UUID.randomUUID());
        List<String> problems = VALIDATOR.responseProblems(request, response(401, error));
        assertTrue(problems.stream().anyMatch(p -> p.contains("statusCode")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("requestId")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("type")), problems::toString);
    }

    private void assertCaught(WireResponse response, String mention) {
        List<String> problems = VALIDATOR.responseProblems(request, response);
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(mention)),
                () -> "Expected a problem naming " + mention + ", got " + problems);
    }

    private ObjectNode validBody() {
        return (ObjectNode) Samples.valid(op.responseSchema(success).orElseThrow());
    }

    private static WireResponse response(int status, String body) {
        return new WireResponse(
                status,
                Map.of(
                        "Content-Type",
                        List.of("application/json"),
                        "X-Request-Id",
                        List.of(UUID.randomUUID().toString())),
                body);
    }

    private Map<String, String> pathValues() {
        Map<String, String> values = new java.util.HashMap<>();
        op.pathParameters().forEach(p -> values.put(p.getName(), Samples.validText(p.getSchema())));
        return values;
    }
}
