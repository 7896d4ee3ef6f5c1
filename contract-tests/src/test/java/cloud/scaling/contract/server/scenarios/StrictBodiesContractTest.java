package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Strict request bodies: a field the schema does not declare is refused naming its path (and the field it most
 * likely meant), and nothing is written, where it used to be dropped silently. The generic check (every strict
 * operation, top-level field) is in RequestBodyContractTest; these are the mistakes people make, nested ones too.
 */
class StrictBodiesContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void aMisspeltEscalationPolicyCreatesNoIncidentThatPagesNobody() {
        JsonNode error = http.post("/v1/incidents")
                .as(org)
                .json("""
                {"title": "Checkout down", "severity": "critical", "escalation_policy_id": "ep_0Mv3kQ8pZr2Lx7Tb"}""")
                .breakingSpec("a snake_case field name")
                .send()
                .expectError(422, "unknown_field", "escalation_policy_id");
        assertEquals(
                "escalation_policy_id: is not a field of this request body. Did you mean escalationPolicyId?",
                error.get("message").asText());
        assertEquals(0, count("/v1/incidents", "incidents"), "no incident was created");
    }

    @Test
    void anUpdateWithAnUnknownFieldNamesItInsteadOfCallingItEmpty() {
        String incident = http.post("/v1/incidents")
                .as(org)
                .json("{\"title\": \"Slow search\", \"severity\": \"low\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        JsonNode error = http.post("/v1/incidents/" + incident + "/updates")
                .as(org)
                .json("{\"message\": \"Cause found.\", \"visibility\": \"internal\"}")
                .breakingSpec("message instead of body")
                .send()
                .expectError(422, "unknown_field", "message");
        assertEquals(
                "message: is not a field of this request body.",
                error.get("message").asText());
        assertEquals(0, count("/v1/incidents/" + incident + "/updates", "updates"), "no update was posted");
    }

    @Test
    void aNestedUnknownFieldIsNamedWithItsPath() {
        String policy = server.emptyPolicy(org, "Primary");
        http.post("/v1/escalation/policies/" + policy + "/layers")
                .as(org)
                .json("""
                {"position": 1, "ackTimeoutMinutes": 5,
                 "target": {"type": "schedule", "schedule_id": "sch_0Mv3kQ8pZr2Lx7Tb"}}""")
                .breakingSpec("a snake_case field in the target")
                .send()
                .expectError(
                        422,
                        "unknown_field",
                        "target.schedule_id: is not a field of this request body. Did you mean scheduleId?");

        http.post("/v1/routing/policies")
                .as(org)
                .json("""
                {"name": "Payments", "rules": [
                 {"severity": "critical", "outcome": "incident", "escalationPolicyId": null},
                 {"severity": "high", "outcome": "incident", "escalationPolicyId": null, "notify": true},
                 {"severity": "medium", "outcome": "notification", "escalationPolicyId": null},
                 {"severity": "low", "outcome": "drop", "escalationPolicyId": null}]}""")
                .breakingSpec("an undeclared field in an array's item")
                .send()
                .expectError(422, "unknown_field", "rules[1].notify");
        assertEquals(0, count("/v1/escalation/policies/" + policy, "layers"), "no layer was added");
    }

    /** How many items the array {@code field} of this GET's {@code data} has. */
    private int count(String path, String field) {
        return http.get(path).as(org).send().expect(200).data().get(field).size();
    }
}
