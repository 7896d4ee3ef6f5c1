package cloud.scaling.contract.server;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.SpecOperation;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec's limits on the request itself, for every operation: a request line over 4096 bytes answers
 * {@code 414 uri_too_long}, headers over 8192 bytes {@code 431 headers_too_large}, both with the error body and
 * request id every error has, although the request never reaches the operation.
 */
class RequestSizeContractTest extends ServerContractTest {

    @TestFactory
    Stream<DynamicTest> anOversizedRequestLineIs414() {
        Org owner = newOrg();
        return SPEC.operations().stream()
                .map(op -> dynamicTest(op.label(), () -> {
                    String path = objects.path(op, owner);
                    validCall(op, path + (path.contains("?") ? "&" : "?") + "padding=" + "x".repeat(5000), owner)
                            .send()
                            .expectError(414, "uri_too_long");
                }));
    }

    @TestFactory
    Stream<DynamicTest> oversizedHeadersAre431() {
        Org owner = newOrg();
        return SPEC.operations().stream()
                .map((SpecOperation op) -> dynamicTest(
                        op.label(),
                        () -> validCall(op, owner)
                                .header("X-Padding", "x".repeat(9000))
                                .send()
                                .expectError(431, "headers_too_large")));
    }
}
