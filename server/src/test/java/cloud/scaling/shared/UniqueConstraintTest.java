package cloud.scaling.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The refusals the services turn into conflicts are told apart from other failures on the run's real database. */
class UniqueConstraintTest {

    private static final String COPY_COMPONENT = "INSERT INTO components"
            + " (id, org_id, name, aliases, operational_status, created_at, updated_at)"
            + " SELECT ?, org_id, ?, aliases, ?, created_at, updated_at FROM components WHERE id = ?";

    private final TestServer server = TestServer.shared();

    @Test
    void aTwinNameIsRefusedByItsNamedConstraintOnly() {
        String id = server.api(server.newOrganization().apiKey()).createComponent("Checkout");

        RuntimeException twin = assertThrows(
                RuntimeException.class,
                () -> server.update(COPY_COMPONENT, "cmp_twin_" + id, "Checkout", "operational", id));

        assertTrue(UniqueConstraint.refusedAny(twin));
        assertTrue(UniqueConstraint.refused(twin, "components_name_unique_in_org"));
        assertFalse(UniqueConstraint.refused(twin, "routing_policies_name_unique_in_org"));
    }

    @Test
    void otherRefusalsAreNotConflicts() {
        String id = server.api(server.newOrganization().apiKey()).createComponent("Ledger");

        RuntimeException broken = assertThrows(
                RuntimeException.class,
                () -> server.update(COPY_COMPONENT, "cmp_bad_" + id, "Ledger 2", "on_fire", id));

        assertFalse(UniqueConstraint.refusedAny(broken));
        assertFalse(UniqueConstraint.refused(broken, "components_name_unique_in_org"));
        String state = UniqueConstraint.sqlState(broken);
        // An integrity refusal all the same (23514 on PostgreSQL, 23513 on H2), just not a unique one.
        assertTrue(state.startsWith("23") && !state.equals("23505"), state);
        assertFalse(UniqueConstraint.refusedAny(new IllegalStateException("no SQL underneath")));
    }

    @Test
    void requestsRacingForOneNameGetOneCreatedAndConflictsNeverAnError() throws Exception {
        ApiClient api = server.api(server.newOrganization().apiKey());
        int racers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<ApiResponse>> replies = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.post("/v1/components", "{\"name\":\"Payments\"}");
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<ApiResponse> reply : replies) {
                byStatus.merge(reply.get().status(), 1, Integer::sum);
            }
            assertEquals(Map.of(201, 1, 409, racers - 1), byStatus);
        } finally {
            pool.shutdownNow();
        }
    }
}
