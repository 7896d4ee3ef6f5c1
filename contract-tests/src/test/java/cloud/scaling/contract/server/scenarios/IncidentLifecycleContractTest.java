package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The lifecycle operations: status, timeline, redaction, acknowledge, handoff, affected components. */
class IncidentLifecycleContractTest extends ServerContractTest {

    private final Org org = newOrg();
    private final String incident = http.post("/v1/incidents")
            .as(org)
            .json("{\"title\": \"Checkout down\", \"severity\": \"critical\"}")
            .send()
            .expect(201)
            .data()
            .get("id")
            .asText();

    @Test
    void statusMovesOneStepAtATime() {
        JsonNode identified = http.patch(path("/status"))
                .as(org)
                .json("{\"status\": \"identified\"}")
                .send()
                .expect(200)
                .data();
        assertEquals(2, identified.get("statusHistory").size());
        http.patch(path("/status"))
                .as(org)
                .json("{\"status\": \"resolved\"}")
                .send()
                .expectError(400, "invalid_status_transition");
    }

    @Test
    void updatesArePostedListedAndRedacted() {
        String update = http.post(path("/updates"))
                .as(org)
                .json("{\"body\": \"Failover started\", \"visibility\": \"internal\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        http.post(path("/updates"))
                .as(org)
                .json("{\"visibility\": \"internal\"}")
                .send()
                .expectError(400, "empty_update");
        assertEquals(
                1,
                http.get(path("/updates"))
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("updates")
                        .size());

        Org member = newMember(org);
        http.post(path("/updates/" + update + "/redact")).as(member).send().expectError(403, "redaction_not_permitted");
        JsonNode redacted = http.post(path("/updates/" + update + "/redact"))
                .as(org)
                .send()
                .expect(200)
                .data();
        assertTrue(redacted.get("body").isNull());
    }

    @Test
    void acknowledgeAndHandoff() {
        JsonNode acked =
                http.post(path("/acknowledge")).as(org).send().expect(200).data();
        assertEquals(org.userId(), acked.get("acknowledgedBy").asText());
        Org member = newMember(org);
        JsonNode handedOff = http.post(path("/handoff"))
                .as(org)
                .json("{\"targetUserId\": \"" + member.userId() + "\"}")
                .send()
                .expect(200)
                .data();
        assertEquals(member.userId(), handedOff.get("ownerId").asText());
        http.post(path("/handoff"))
                .as(org)
                .json("{\"targetUserId\": \"user_nobody\"}")
                .send()
                .expectError(400, "invalid_target_user");
    }

    @Test
    void affectedComponentsAreReplaced() {
        String component = http.post("/v1/components")
                .as(org)
                .json("{\"name\": \"Checkout\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        JsonNode incidentNow = http.put(path("/components"))
                .as(org)
                .json("{\"componentIds\": [\"" + component + "\"]}")
                .send()
                .expect(200)
                .data();
        assertEquals(
                component,
                incidentNow.get("affectedComponents").get(0).get("id").asText());
        http.put(path("/components"))
                .as(org)
                .json("{\"componentIds\": [\"cmp_unknown\"]}")
                .send()
                .expectError(400, "invalid_component_id");
        String anotherOrganizations = http.post("/v1/components")
                .as(newOrg())
                .json("{\"name\": \"Checkout\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        http.put(path("/components"))
                .as(org)
                .json("{\"componentIds\": [\"" + anotherOrganizations + "\"]}")
                .send()
                .expectError(400, "invalid_component_id");
        http.post("/v1/incidents")
                .as(org)
                .json("{\"title\": \"t\", \"severity\": \"low\", \"componentIds\": [\"" + anotherOrganizations + "\"]}")
                .send()
                .expectError(400, "invalid_component_id");
    }

    private String path(String suffix) {
        return "/v1/incidents/" + incident + suffix;
    }
}
