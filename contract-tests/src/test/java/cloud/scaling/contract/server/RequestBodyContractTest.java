package cloud.scaling.contract.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.Samples;
import cloud.scaling.contract.spec.SpecOperation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the spec's conventions promise every operation that takes a body: JSON only (415), well-formed (400
 * malformed_json), present (400 missing_body), at most 256 KiB or the operation's own {@code x-max-body-bytes}
 * (413), without fields its schema does not declare (422 unknown_field, except where the spec says
 * {@code x-strict-body: false}); and every operation that takes none: a body sent all the same is refused (400
 * unexpected_body), not ignored.
 */
class RequestBodyContractTest extends ServerContractTest {

    /** The spec's limit for a body, unless an operation states its own. */
    private static final int DEFAULT_LIMIT = 256 * 1024;

    @TestFactory
    Stream<DynamicTest> aBodyThatIsNotJsonIsRefused() {
        Org owner = newOrg();
        return operations(SpecOperation::takesBody).stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> validCall(op, owner)
                                .body(sample(op), "text/plain")
                                .breakingSpec("text/plain body")
                                .send()
                                .expectError(415, "unsupported_media_type")));
    }

    @TestFactory
    Stream<DynamicTest> malformedJsonIsRefused() {
        Org owner = newOrg();
        return operations(SpecOperation::takesBody).stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> validCall(op, owner)
                                .json("{\"unfinished\": ")
                                .breakingSpec("malformed JSON")
                                .send()
                                .expectError(400, "malformed_json")));
    }

    @TestFactory
    Stream<DynamicTest> aMissingBodyIsRefused() {
        Org owner = newOrg();
        return operations(
                        op -> op.takesBody() && op.operation().getRequestBody().getRequired() == Boolean.TRUE)
                .stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> validCall(op, owner)
                                .json("")
                                .breakingSpec("no body")
                                .send()
                                .expectError(400, "missing_body")));
    }

    @TestFactory
    Stream<DynamicTest> aBodyWhereNoneIsTakenIsRefused() {
        Org owner = newOrg();
        return operations(op -> !op.takesBody()).stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> validCall(op, owner)
                                .json("{}")
                                .breakingSpec("a body where the operation takes none")
                                .send()
                                .expectError(400, "unexpected_body")));
    }

    @TestFactory
    Stream<DynamicTest> anOversizedBodyIsRefused() {
        Org owner = newOrg();
        return operations(SpecOperation::takesBody).stream()
                .map(op -> dynamicTest(op.label(), () -> {
                    ObjectNode body =
                            ((ObjectNode) Samples.valid(op.requestSchema().orElseThrow()));
                    body.put("padding", "x".repeat(limit(op) + 1024));
                    validCall(op, owner)
                            .json(body)
                            .breakingSpec("a body over the limit with an undeclared field")
                            .send()
                            .expectError(413, "payload_too_large");
                }));
    }

    @TestFactory
    Stream<DynamicTest> anUnknownFieldIsRefusedNamingIt() {
        Org owner = newOrg();
        return operations(SpecOperation::takesStrictBody).stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> validCall(op, owner)
                                .json(withUnknownField(op))
                                .breakingSpec("an undeclared field")
                                .send()
                                .expectError(422, "unknown_field", "notInTheSpec")));
    }

    /** The alert ingest operations take what a monitoring system sends, fields this server does not read too. */
    @TestFactory
    Stream<DynamicTest> anUnknownFieldIsIgnoredWhereTheBodyIsNotStrict() {
        Org owner = newOrg();
        List<SpecOperation> tolerant = operations(op -> op.takesBody() && !op.takesStrictBody());
        assertFalse(tolerant.isEmpty(), "the spec marks the alert ingest operations x-strict-body: false");
        return tolerant.stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> validCall(op, owner)
                                .json(withUnknownField(op))
                                .breakingSpec("an undeclared field")
                                .send()
                                .expect(op.successStatus().orElseThrow())));
    }

    private static ObjectNode withUnknownField(SpecOperation op) {
        ObjectNode body = (ObjectNode) Samples.valid(op.requestSchema().orElseThrow());
        body.put("notInTheSpec", 1);
        return body;
    }

    private static int limit(SpecOperation op) {
        Object stated = op.operation().getExtensions() == null
                ? null
                : op.operation().getExtensions().get("x-max-body-bytes");
        return stated == null ? DEFAULT_LIMIT : ((Number) stated).intValue();
    }

    private static String sample(SpecOperation op) {
        return op.requestSchema()
                .map(schema -> Samples.valid(schema).toString())
                .orElse("{}");
    }
}
