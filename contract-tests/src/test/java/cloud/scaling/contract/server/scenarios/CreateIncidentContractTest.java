package cloud.scaling.contract.server.scenarios;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** createIncident: what the schema cannot say about it. Generic checks (401, 4xx, 5xx) live elsewhere. */
class CreateIncidentContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void createsAnIncidentThatStartsInvestigatingOwnedByTheCaller() {
        JsonNode incident = http.post("/v1/incidents").as(org).json("""
                {"title": "Payment service latency spike",
                 "description": "P99 latency above 2s for the past 10 minutes.", "severity": "high"}""")
                .send().expect(201).data();

        assertEquals("Payment service latency spike", incident.get("title").asText());
        assertEquals("P99 latency above 2s for the past 10 minutes.", incident.get("description").asText());
        assertEquals("high", incident.get("severity").asText());
        assertEquals("investigating", incident.get("status").asText());
        assertEquals(org.orgId(), incident.get("orgId").asText());
        assertEquals(org.userId(), incident.get("createdBy").asText());
        assertTrue(incident.get("ownerId").isNull());
        assertEquals(incident.get("createdAt"), incident.get("updatedAt"));
    }

    @Test
    void anOwnerMustBeAUserOfTheOrganization() {
        http.post("/v1/incidents").as(org).json("""
                {"title": "t", "severity": "low", "ownerId": "%s"}""".formatted(org.userId()))
                .send().expect(201);
        Org other = newOrg();
        http.post("/v1/incidents").as(org).json("""
                {"title": "t", "severity": "low", "ownerId": "%s"}""".formatted(other.userId()))
                .send().expectError(400, "invalid_owner_id", "ownerId");
    }

    @Test
    void escalationPoliciesDoNotExistYet() {
        http.post("/v1/incidents").as(org).json("""
                {"title": "t", "severity": "low", "escalationPolicyId": "pol_1"}""")
                .send().expectError(400, "invalid_escalation_policy_id", "escalationPolicyId");
    }
}
