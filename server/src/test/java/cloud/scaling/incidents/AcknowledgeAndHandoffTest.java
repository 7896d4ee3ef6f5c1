package cloud.scaling.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /acknowledge (idempotent, no status change) and POST /handoff (to a member of the organization). */
class AcknowledgeAndHandoffTest {

    private final TestServer server = TestServer.shared();

    @Test
    void acknowledgeRecordsTheFirstAcknowledgerOnlyAndLeavesTheStatus() {
        Provisioned org = server.newOrganization();
        ApiClient admin = server.api(org.apiKey());
        Provisioned member = server.newMember(org.orgId());
        String id = admin.createIncident("Ack");
        assertFalse(admin.get("/v1/incidents/" + id).data().has("acknowledgedBy"), "absent until acknowledged");

        JsonNode acked = server.api(member.apiKey())
                .post(ack(id), null)
                .assertStatus(200)
                .data();
        assertEquals(member.userId(), acked.get("acknowledgedBy").asText());
        assertEquals("investigating", acked.get("status").asText());
        String at = acked.get("acknowledgedAt").asText();

        JsonNode again = admin.post(ack(id), null).assertStatus(200).data();
        assertEquals(member.userId(), again.get("acknowledgedBy").asText(), "the first acknowledgement stays");
        assertEquals(at, again.get("acknowledgedAt").asText());
        assertEquals(1, count(again, "incident_acknowledged"));
        assertEquals(
                member.userId(),
                admin.get("/v1/incidents?limit=1")
                        .data()
                        .get("incidents")
                        .get(0)
                        .get("acknowledgedBy")
                        .asText(),
                "lists show it too");
    }

    @Test
    void acknowledgingAResolvedIncidentChangesNothing() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String id = api.createIncident("Resolved");
        for (String step : List.of("identified", "monitoring", "resolved")) {
            api.patch("/v1/incidents/" + id + "/status", "{\"status\":\"" + step + "\"}")
                    .assertStatus(200);
        }
        JsonNode result = api.post(ack(id), null).assertStatus(200).data();
        assertFalse(result.has("acknowledgedBy"));
        assertEquals(0, count(result, "incident_acknowledged"));
    }

    @Test
    void handoffMakesTheTargetOwnerAndIsAudited() {
        Provisioned org = server.newOrganization();
        ApiClient admin = server.api(org.apiKey());
        Provisioned member = server.newMember(org.orgId());
        String id = admin.createIncident("Handoff");

        JsonNode handedOff = admin.post(handoff(id), target(member.userId()))
                .assertStatus(200)
                .data();
        assertEquals(member.userId(), handedOff.get("ownerId").asText());
        JsonNode event = last(handedOff, "incident_handed_off");
        assertEquals(org.userId(), event.get("actorId").asText());
        assertFalse(event.get("details").has("previousOwnerId"), "there was no owner before");
        assertEquals(member.userId(), event.get("details").get("ownerId").asText());

        JsonNode back = server.api(member.apiKey())
                .post(handoff(id), target(org.userId()))
                .assertStatus(200)
                .data();
        assertEquals(org.userId(), back.get("ownerId").asText());
        assertEquals(
                member.userId(),
                last(back, "incident_handed_off")
                        .get("details")
                        .get("previousOwnerId")
                        .asText());
    }

    @Test
    void handoffTargetsMustBeMembersAndIncidentsOpen() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        String id = api.createIncident("Bad handoff");
        String stranger = server.newOrganization().userId();
        for (String target : List.of(stranger, "user_nobody")) {
            api.post(handoff(id), target(target)).assertError(400, "invalid_request_error", "invalid_target_user");
        }
        ApiClient unchecked = api.uncheckedRequests("targetUserId missing, then of the wrong type");
        unchecked.post(handoff(id), "{}").assertError(422, "validation_error", "missing_field");
        unchecked.post(handoff(id), "{\"targetUserId\":5}").assertError(422, "validation_error", "invalid_type");
        assertTrue(api.get("/v1/incidents/" + id).data().get("ownerId").isNull());

        for (String step : List.of("identified", "monitoring", "resolved")) {
            api.patch("/v1/incidents/" + id + "/status", "{\"status\":\"" + step + "\"}")
                    .assertStatus(200);
        }
        api.post(handoff(id), target(org.userId())).assertError(400, "invalid_request_error", "incident_resolved");
    }

    private static int count(JsonNode incident, String type) {
        return events(incident, type).size();
    }

    private static JsonNode last(JsonNode incident, String type) {
        List<JsonNode> events = events(incident, type);
        return events.get(events.size() - 1);
    }

    private static List<JsonNode> events(JsonNode incident, String type) {
        List<JsonNode> events = new ArrayList<>();
        incident.get("auditTrail").forEach(event -> {
            if (event.get("type").asText().equals(type)) {
                events.add(event);
            }
        });
        return events;
    }

    private static String target(String userId) {
        return "{\"targetUserId\":\"" + userId + "\"}";
    }

    private static String ack(String id) {
        return "/v1/incidents/" + id + "/acknowledge";
    }

    private static String handoff(String id) {
        return "/v1/incidents/" + id + "/handoff";
    }
}
