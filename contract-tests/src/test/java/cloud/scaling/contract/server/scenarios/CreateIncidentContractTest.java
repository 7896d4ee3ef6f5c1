package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** createIncident: what the schema cannot say about it. Generic checks (401, 4xx, 5xx) live elsewhere. */
class CreateIncidentContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void createsAnIncidentThatStartsInvestigatingOwnedByTheCaller() {
        JsonNode incident =
                http.post("/v1/incidents").as(org).json("""
                {"title": "Payment service latency spike",
                 "description": "P99 latency above 2s for the past 10 minutes.", "severity": "high"}""").send().expect(201).data();

        assertEquals("Payment service latency spike", incident.get("title").asText());
        assertEquals(
                "P99 latency above 2s for the past 10 minutes.",
                incident.get("description").asText());
        assertEquals("high", incident.get("severity").asText());
        assertEquals("investigating", incident.get("status").asText());
        assertEquals(org.orgId(), incident.get("orgId").asText());
        assertEquals(org.userId(), incident.get("createdBy").asText());
        assertTrue(incident.get("ownerId").isNull());
        assertEquals(incident.get("createdAt"), incident.get("updatedAt"));
    }

    @Test
    void anOwnerMustBeAUserOfTheOrganization() {
        Org member = newMember(org);
        JsonNode owned = http.post("/v1/incidents")
                .as(org)
                .json("""
                {"title": "t", "severity": "low", "ownerId": "%s"}""".formatted(member.userId()))
                .send()
                .expect(201)
                .data();
        assertEquals(member.userId(), owned.get("ownerId").asText());
        for (String foreign : List.of(newOrg().userId(), "user_doesnotexist")) {
            http.post("/v1/incidents")
                    .as(org)
                    .json("""
                    {"title": "t", "severity": "low", "ownerId": "%s"}""".formatted(foreign))
                    .send()
                    .expectError(400, "invalid_owner_id", "ownerId");
        }
        assertEquals(1, incidentCount(), "only the valid one was created");
    }

    @Test
    void anEscalationPolicyMustBeOneOfTheOrganization() {
        http.post("/v1/incidents")
                .as(org)
                .json("""
                {"title": "t", "severity": "low", "escalationPolicyId": "pol_1"}""")
                .send()
                .expectError(400, "invalid_escalation_policy_id", "escalationPolicyId");
        assertEquals(0, incidentCount(), "nothing was created");
    }

    private int incidentCount() {
        return http.get("/v1/incidents")
                .as(org)
                .send()
                .expect(200)
                .data()
                .get("incidents")
                .size();
    }

    /** With a policy, level 1 is paged at once; the incident shows its escalation and the page. */
    @Test
    void anIncidentWithAPolicyPagesItsFirstLevelAtOnce() {
        String policy = http.post("/v1/escalation/policies")
                .as(org)
                .json("""
                {"name": "Payments", "steps": [{"targetType": "users", "targetId": "%s",
                 "escalateAfterSeconds": 300, "condition": null}]}""".formatted(org.userId()))
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        JsonNode created = http.post("/v1/incidents")
                .as(org)
                .json("""
                {"title": "t", "severity": "critical", "escalationPolicyId": "%s"}""".formatted(policy))
                .send()
                .expect(201)
                .data();
        assertEquals(policy, created.get("escalationPolicyId").asText());

        JsonNode detail = http.get("/v1/incidents/" + created.get("id").asText())
                .as(org)
                .send()
                .expect(200)
                .data();
        assertEquals("paging", detail.get("escalation").get("state").asText());
        assertEquals(1, detail.get("escalation").get("level").asInt());
        assertEquals(org.userId(), detail.get("pages").get(0).get("userId").asText());
        assertEquals("escalation", detail.get("pages").get(0).get("reason").asText());

        JsonNode acknowledged = http.post("/v1/incidents/" + created.get("id").asText() + "/acknowledge")
                .as(org)
                .send()
                .expect(200)
                .data();
        assertEquals("acknowledged", acknowledged.get("escalation").get("state").asText());
        assertTrue(acknowledged.get("escalation").get("nextEscalationAt").isNull());
    }
}
