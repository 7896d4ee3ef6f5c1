package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Routing policies, as the Terraform provider drives them: create, list, read, replace, delete; the default
 * policy every organization has and cannot delete; rule sets that miss a severity; name clashes.
 */
class RoutingPoliciesContractTest extends ServerContractTest {

    private static final String PAYMENTS = "{\"name\": \"Payments Routing\", \"description\": \"Stricter\", "
            + "\"rules\": [{\"severity\": \"critical\", \"outcome\": \"incident\", \"escalationPolicyId\": null}, "
            + "{\"severity\": \"high\", \"outcome\": \"provisional_page\", \"escalationPolicyId\": null}, "
            + "{\"severity\": \"medium\", \"outcome\": \"notification\", \"escalationPolicyId\": null}, "
            + "{\"severity\": \"low\", \"outcome\": \"drop\", \"escalationPolicyId\": null}]}";

    private final Org org = newOrg();

    @Test
    void lifecycleAndNameConflicts() {
        String id = http.post("/v1/routing/policies")
                .as(org)
                .json(PAYMENTS)
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        http.post("/v1/routing/policies").as(org).json(PAYMENTS).send().expectError(409, "name_conflict");
        // Names are unique within an organization only.
        http.post("/v1/routing/policies").as(newOrg()).json(PAYMENTS).send().expect(201);
        String search = PAYMENTS.replace("Payments", "Search");
        http.post("/v1/routing/policies").as(org).json(search).send().expect(201);

        assertEquals(
                "notification",
                http.get("/v1/routing/policies/" + id)
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("rules")
                        .get(2)
                        .get("outcome")
                        .asText());
        http.put("/v1/routing/policies/" + id)
                .as(org)
                .json(PAYMENTS.replace("\"Stricter\"", "null"))
                .send()
                .expect(200);
        http.put("/v1/routing/policies/" + id).as(org).json(search).send().expectError(409, "name_conflict");

        assertEquals(
                3,
                http.get("/v1/routing/policies")
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .size());
        http.delete("/v1/routing/policies/" + id).as(org).send().expect(204);
        http.get("/v1/routing/policies/" + id).as(org).send().expectError(404, "not_found");
        http.put("/v1/routing/policies/" + id).as(org).json(PAYMENTS).send().expectError(404, "not_found");
        http.delete("/v1/routing/policies/" + id).as(org).send().expectError(404, "not_found");
    }

    @Test
    void theDefaultPolicyCannotBeDeleted() {
        JsonNode listed =
                http.get("/v1/routing/policies").as(org).send().expect(200).data();
        JsonNode defaultPolicy = listed.get(0);
        assertTrue(defaultPolicy.get("isDefault").asBoolean());
        http.delete("/v1/routing/policies/" + defaultPolicy.get("id").asText())
                .as(org)
                .send()
                .expectError(409, "default_routing_policy");
    }

    @Test
    void eachSeverityNeedsExactlyOneRule() {
        String twiceLow = PAYMENTS.replace("\"critical\"", "\"low\"");
        http.post("/v1/routing/policies").as(org).json(twiceLow).send().expectError(400, "invalid_rules");
        String id = http.get("/v1/routing/policies")
                .as(org)
                .send()
                .expect(200)
                .data()
                .get(0)
                .get("id")
                .asText();
        http.put("/v1/routing/policies/" + id).as(org).json(twiceLow).send().expectError(400, "invalid_rules");
    }
}
