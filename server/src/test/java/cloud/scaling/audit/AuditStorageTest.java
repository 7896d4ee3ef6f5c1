package cloud.scaling.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit trail stores our own record, not the spec's model: what lands in {@code incident_events.details} is
 * pinned here, and rows stored that way read back onto the wire, whatever the generated model looks like.
 */
class AuditStorageTest {

    private final TestServer server = TestServer.shared();

    @Test
    void aStatusStepIsStoredInOurOwnShapeAndReadBack() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String id = api.createIncident("Stored audit");
        String updateId = api.patch("/v1/incidents/" + id + "/status", "{\"status\":\"identified\"}")
                .assertStatus(200)
                .data()
                .get("auditTrail")
                .get(1)
                .get("details")
                .get("updateId")
                .asText();

        List<List<Object>> rows = server.query(
                "SELECT type, details FROM incident_events WHERE incident_id = ? ORDER BY occurred_at, type",
                UUID.fromString(id));
        assertEquals(List.of("incident_created", "{}"), rows.get(0));
        assertEquals(
                List.of(
                        "status_changed",
                        "{\"previousStatus\":\"investigating\",\"status\":\"identified\",\"updateId\":\"" + updateId
                                + "\"}"),
                rows.get(1));
    }

    @Test
    void aHandOffFromNobodyKeepsThePreviousOwnerAbsent() {
        var org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        String id = api.createIncident("Handed over");
        JsonNode event = api.post("/v1/incidents/" + id + "/handoff", "{\"targetUserId\":\"" + org.userId() + "\"}")
                .assertStatus(200)
                .data()
                .get("auditTrail")
                .get(1);

        assertEquals("incident_handed_off", event.get("type").asText());
        assertEquals(
                List.of("{\"ownerId\":\"" + org.userId() + "\"}"),
                server.query(
                                "SELECT details FROM incident_events WHERE incident_id = ? AND type = ?",
                                UUID.fromString(id),
                                "incident_handed_off")
                        .get(0));
        assertEquals(false, event.get("details").has("previousOwnerId"));
    }
}
