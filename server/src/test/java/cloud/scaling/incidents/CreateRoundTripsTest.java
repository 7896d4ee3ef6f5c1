package cloud.scaling.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * How many statements one POST /v1/incidents sends to the database, once the caller's key is cached: each is a
 * round trip, and at one connection the round trips are most of a create's latency. A guard against new ones
 * creeping in; lower the figure when a change removes one.
 */
class CreateRoundTripsTest {

    /**
     * Insert the incident (checking in the same statement that its owner is a member), its first status entry and
     * its audit event; which webhook endpoints want the event. (The commit is one more round trip, not a statement.)
     */
    private static final int STATEMENTS_PER_CREATE = 4;

    private static final TestServer server = TestServer.recordingStatements();

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCreateTakesAKnownNumberOfStatements() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        String body = "{\"title\":\"Checkout down\",\"severity\":\"high\",\"ownerId\":\"" + org.userId() + "\"}";
        api.post("/v1/incidents", body).assertStatus(201);

        List<String> request =
                server.statementsDuring(() -> api.post("/v1/incidents", body).assertStatus(201));
        assertEquals(STATEMENTS_PER_CREATE, request.size(), String.join("\n", request));
    }
}
