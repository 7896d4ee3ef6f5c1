package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Components, as the Terraform provider drives them: create, read, update, delete, name clashes, and an open-ended
 * maintenance window read back with its {@code endsAt} key.
 */
class ComponentsContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void lifecycleAndNameConflicts() {
        String id = http.post("/v1/components")
                .as(org)
                .json("{\"name\": \"Payments API\", \"aliases\": [\"payments\"]}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        http.post("/v1/components")
                .as(org)
                .json("{\"name\": \"Payments API\"}")
                .send()
                .expectError(409, "name_conflict");
        http.post("/v1/components")
                .as(org)
                .json("{\"name\": \"Search\"}")
                .send()
                .expect(201);

        JsonNode updated = http.patch("/v1/components/" + id)
                .as(org)
                .json("{\"name\": \"Payments\", \"description\": null, \"aliases\": []}")
                .send()
                .expect(200)
                .data();
        assertEquals("Payments", updated.get("name").asText());
        http.patch("/v1/components/" + id)
                .as(org)
                .json("{\"name\": \"Search\"}")
                .send()
                .expectError(409, "name_conflict");
        http.patch("/v1/components/" + id)
                .as(org)
                .json("{\"name\": \"Payments\", \"description\": \"its own name again\"}")
                .send()
                .expect(200);
        // Names are unique within an organization only.
        http.post("/v1/components")
                .as(newOrg())
                .json("{\"name\": \"Search\"}")
                .send()
                .expect(201);

        assertEquals(
                2,
                http.get("/v1/components")
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("components")
                        .size());
        http.delete("/v1/components/" + id).as(org).send().expect(204);
        http.get("/v1/components/" + id).as(org).send().expectError(404, "not_found");
    }

    @Test
    void anOpenEndedMaintenanceWindowSendsEndsAtAsNull() {
        // The provider decodes endsAt into a pointer: the key must be there, as null, not left out.
        JsonNode created =
                http.post("/v1/components").as(org).json("""
                {"name": "Status page", "operationalStatus": "maintenance",
                 "maintenanceWindow": {"startedAt": "2026-04-07T22:00:00Z"}}""").send().expect(201).data();
        assertOpenEnded(created);
        String id = created.get("id").asText();
        assertOpenEnded(
                http.get("/v1/components/" + id).as(org).send().expect(200).data());
        JsonNode listed =
                http.get("/v1/components").as(org).send().expect(200).data().get("components");
        assertEquals(1, listed.size(), "the organization is this test's own");
        assertOpenEnded(listed.get(0));
    }

    @Test
    void aDefaultEscalationPolicyIsReadBackKeptRemovedAndCheckedForOwnership() {
        String policy = server.emptyPolicy(org, "Payments on call");
        JsonNode created = http.post("/v1/components")
                .as(org)
                .json("{\"name\": \"Payments\", \"escalationPolicyId\": \"" + policy + "\"}")
                .send()
                .expect(201)
                .data();
        String path = "/v1/components/" + created.get("id").asText();
        assertEquals(policy, created.get("escalationPolicyId").asText());
        assertEquals(
                policy,
                http.get(path)
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("escalationPolicyId")
                        .asText());
        // The provider sends no escalationPolicyId: absent or null keeps it, "" removes it.
        assertEquals(
                policy,
                http.patch(path)
                        .as(org)
                        .json("{\"name\": \"Payments\", \"escalationPolicyId\": null}")
                        .send()
                        .expect(200)
                        .data()
                        .get("escalationPolicyId")
                        .asText());
        JsonNode cleared = http.patch(path)
                .as(org)
                .json("{\"name\": \"Payments\", \"escalationPolicyId\": \"\"}")
                .send()
                .expect(200)
                .data();
        assertTrue(cleared.get("escalationPolicyId").isNull(), cleared::toString);

        Org other = newOrg();
        String foreign = server.emptyPolicy(other, "Theirs");
        http.post("/v1/components")
                .as(org)
                .json("{\"name\": \"Search\", \"escalationPolicyId\": \"" + foreign + "\"}")
                .send()
                .expectError(400, "invalid_escalation_policy_id");
        http.patch(path)
                .as(org)
                .json("{\"name\": \"Payments\", \"escalationPolicyId\": \"ep_unknown\"}")
                .send()
                .expectError(400, "invalid_escalation_policy_id");
    }

    private static void assertOpenEnded(JsonNode component) {
        JsonNode window = component.get("maintenanceWindow");
        assertEquals("2026-04-07T22:00:00.000Z", window.get("startedAt").asText());
        assertTrue(window.has("endsAt") && window.get("endsAt").isNull(), () -> "endsAt: null expected in " + window);
    }
}
