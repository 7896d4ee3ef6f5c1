package cloud.scaling.contract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.Reply;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.SpecOperation;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation that takes an {@code Idempotency-Key} keeps the promises of its description: a retry with the
 * key replays the first answer, a key reused for another request is {@code 400 idempotency_key_reused}, and a
 * key whose first request is still running is {@code 409 idempotency_key_in_use}.
 */
class IdempotencyContractTest extends ServerContractTest {

    private static final String HEADER = "Idempotency-Key";

    @TestFactory
    Stream<DynamicTest> aRetryReplaysTheFirstAnswer() {
        return idempotent()
                .map(op -> dynamicTest(op.label(), () -> {
                    Org org = newOrg();
                    String path = objects.path(op, org);
                    String key = UUID.randomUUID().toString();
                    Reply first = validCall(op, path, org).header(HEADER, key).send();
                    Reply retry = validCall(op, path, org).header(HEADER, key).send();
                    assertEquals(first.status(), retry.status(), op.label());
                    if (first.status() < 300) {
                        assertEquals(first.json(), retry.json(), op.label() + ": the retry replays the first answer");
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> aKeyReusedForAnotherRequestIsRefused() {
        SpecOperation create = SPEC.operation("createIncident");
        return idempotent()
                .map(op -> dynamicTest(op.label(), () -> {
                    Org org = newOrg();
                    String key = UUID.randomUUID().toString();
                    String path = objects.path(op, org);
                    SpecOperation other = op.equals(create) ? SPEC.operation("createComponent") : create;
                    validCall(other, org)
                            .header(HEADER, key)
                            .send()
                            .expect(other.successStatus().orElseThrow());
                    validCall(op, path, org).header(HEADER, key).send().expectError(400, "idempotency_key_reused");
                }));
    }

    @TestFactory
    Stream<DynamicTest> aKeyInUseIsAConflict() {
        return idempotent()
                .map(op -> dynamicTest(op.label(), () -> {
                    Org org = newOrg();
                    String path = objects.path(op, org);
                    String key = UUID.randomUUID().toString();
                    server.holdIdempotencyKey(org, key);
                    validCall(op, path, org).header(HEADER, key).send().expectError(409, "idempotency_key_in_use");
                }));
    }

    private static Stream<SpecOperation> idempotent() {
        return SPEC.operations().stream().filter(op -> op.takesHeader(HEADER));
    }
}
