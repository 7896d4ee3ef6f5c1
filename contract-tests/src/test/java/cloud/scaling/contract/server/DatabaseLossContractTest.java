package cloud.scaling.contract.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.auth.KeyCache;
import cloud.scaling.contract.server.support.Call;
import cloud.scaling.contract.server.support.ContractServer;
import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.OwnedObjects;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.Samples;
import cloud.scaling.contract.spec.SpecOperation;
import cloud.scaling.meta.MetaController;
import cloud.scaling.support.CapturedLogs;
import cloud.scaling.web.UnexpectedErrorHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The server's failure answers, provoked for real: a server of its own loses its database mid-life (its
 * connection pool is closed), and then every operation must answer its documented failure with the ApiError
 * body and nothing internal: {@code 503} where the operation documents one (health), else {@code 500
 * internal_error}, logged with its request id so that an operator can find it. What the server logs meanwhile
 * is captured and checked, not printed. Operations whose 500 cannot be provoked this way are on
 * {@link Unprovokable}.
 */
class DatabaseLossContractTest extends ServerContractTest {

    private static ContractServer broken;
    private static CapturedLogs logs;
    private static Org owner;
    private static final Map<SpecOperation, String> PATHS = new LinkedHashMap<>();

    @BeforeAll
    static void loseTheDatabase() {
        broken = ContractServer.dedicated();
        owner = broken.newOrganization();
        OwnedObjects objects = new OwnedObjects(broken, SPEC);
        SPEC.operations().forEach(op -> {
            PATHS.put(op, objects.path(op, owner));
            broken.http().credentials().of(op, owner); // issued now: nothing can be issued once the database is gone
        });
        logs = CapturedLogs.of(UnexpectedErrorHandler.class, KeyCache.class, MetaController.class);
        broken.loseDatabase();
    }

    @AfterAll
    static void stop() {
        try {
            broken.close();
        } finally {
            logs.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationFailsAsDocumented() {
        return SPEC.operations().stream()
                .filter(op -> op.documents(503) || !Unprovokable.PAIRS.contains(Unprovokable.key(op, 500)))
                .map(op -> dynamicTest(op.label(), () -> {
                    Call call = broken.http().call(op.method(), PATHS.get(op));
                    if (op.secured()) {
                        call.as(owner);
                    }
                    op.requestSchema().ifPresent(schema -> call.json(Samples.valid(schema)));
                    if (op.documents(503)) {
                        call.send().expect(503);
                    } else {
                        String requestId = call.send()
                                .expectError(500, "internal_error")
                                .path("requestId")
                                .asText();
                        assertTrue(
                                logs.anyContains("Unexpected error in request " + op.method() + " ")
                                        && logs.anyContains("(requestId " + requestId + ")"),
                                () -> op.label() + ": the 500 is not logged with its request id: " + logs.lines());
                    }
                }));
    }
}
