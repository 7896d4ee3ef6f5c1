package cloud.scaling.contract.server;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation, JSON or not ({@code /metrics}, {@code /docs}, the responder pages), answers a request whose
 * {@code Accept} allows none of its media types with {@code 406 not_acceptable}, in JSON with the request id,
 * as its {@code NotAcceptable} response says, rather than serving a body the client said it cannot take.
 */
class AcceptContractTest extends ServerContractTest {

    @TestFactory
    Stream<DynamicTest> anAcceptNoAnswerSatisfiesIs406() {
        Org owner = newOrg();
        return SPEC.operations().stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> validCall(op, owner)
                                .header("Accept", "image/png")
                                .breakingSpec("an Accept none of the operation's media types satisfies")
                                .send()
                                .expectError(406, "not_acceptable")));
    }
}
