package cloud.scaling.contract.server;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.Reply;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.SpecOperation;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec's security, operation by operation: a secured operation answers 401 without a key or with a
 * credential of its scheme (an API key, or an ingest token on the ingest endpoints) that does not exist; an
 * operation with {@code security: []} answers without any key.
 */
class AuthenticationContractTest extends ServerContractTest {

    @TestFactory
    Stream<DynamicTest> securedOperationsRefuseAMissingKey() {
        Org owner = newOrg();
        return operations(SpecOperation::secured).stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> validCall(op, objects.path(op, owner), null)
                                .breakingSpec("no Authorization header")
                                .send()
                                .expectError(401, "missing_authorization_header")));
    }

    @TestFactory
    Stream<DynamicTest> securedOperationsRefuseAnUnknownKey() {
        Org owner = newOrg();
        return operations(SpecOperation::secured).stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> validCall(op, objects.path(op, owner), null)
                                .key(http.credentials().unknown(op))
                                .send()
                                .expectError(401, "invalid_api_key")));
    }

    @TestFactory
    Stream<DynamicTest> publicOperationsAnswerWithoutAKey() {
        Org owner = newOrg();
        return operations(op -> !op.secured()).stream()
                .map(op -> dynamicTest(
                        op.label(),
                        () -> answersWithoutAKey(
                                op, validCall(op, objects.path(op, owner), null).send())));
    }

    /**
     * Its success without a body; with one, anything but a 401: the smallest valid body can carry a credential
     * of its own (an invitation token) that a generated sample cannot know. Scenarios prove such successes.
     */
    private static void answersWithoutAKey(SpecOperation op, Reply reply) {
        if (op.takesBody()) {
            assertNotEquals(401, reply.status(), op.label() + " asked for a key: " + reply);
        } else {
            reply.expect(op.successStatus().orElseThrow(() -> new AssertionError(op.label() + " documents no 2xx")));
        }
    }
}
