package cloud.scaling.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.MigratedDatabase;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /v1/routing/policies as the Terraform provider drives it, and every organization's default policy. */
class RoutingPolicyTest {

    private static final String PAYMENTS = """
            {"name": "Payments Routing", "description": "Stricter routing", "rules": [
              {"severity": "low", "outcome": "drop", "escalationPolicyId": null},
              {"severity": "critical", "outcome": "incident", "escalationPolicyId": null},
              {"severity": "high", "outcome": "provisional_page"},
              {"severity": "medium", "outcome": "notification", "escalationPolicyId": null}]}""";

    private final TestServer server = TestServer.shared();

    @Test
    void terraformProviderLifecycleReadsBackWhatItWrote() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        JsonNode created =
                api.post("/v1/routing/policies", PAYMENTS).assertStatus(201).data();
        String id = created.get("id").asText();
        assertTrue(id.startsWith("rp_"), id);
        assertFalse(created.get("isDefault").asBoolean());
        assertEquals(List.of("low", "critical", "high", "medium"), severities(created), "kept in the order sent");
        assertEquals(List.of("drop", "incident", "provisional_page", "notification"), outcomes(created));
        assertEquals(
                created, api.get("/v1/routing/policies/" + id).assertStatus(200).data());

        String replacement = PAYMENTS.replace("\"Stricter routing\"", "null").replace("\"drop\"", "\"notification\"");
        JsonNode replaced = api.put("/v1/routing/policies/" + id, replacement)
                .assertStatus(200)
                .data();
        assertTrue(replaced.get("description").isNull(), "description: null clears it");
        assertEquals("notification", replaced.get("rules").get(0).get("outcome").asText());
        assertEquals(created.get("createdAt"), replaced.get("createdAt"));

        JsonNode listed = api.get("/v1/routing/policies").assertStatus(200).data();
        assertEquals(2, listed.size(), "the default policy and this one");
        assertTrue(listed.get(1).path("rules").isMissingNode(), "the list carries no rules");
        assertEquals(id, listed.get(1).get("id").asText());

        api.send("DELETE", "/v1/routing/policies/" + id, null, null).assertStatus(204);
        api.get("/v1/routing/policies/" + id).assertError(404, "invalid_request_error", "not_found");
    }

    @Test
    void everyNewOrganizationHasOneDefaultPolicyThatCannotBeDeleted() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        JsonNode listed = api.get("/v1/routing/policies").assertStatus(200).data();
        assertEquals(1, listed.size());
        JsonNode defaultPolicy = listed.get(0);
        assertTrue(defaultPolicy.get("isDefault").asBoolean());
        String id = defaultPolicy.get("id").asText();
        JsonNode detail =
                api.get("/v1/routing/policies/" + id).assertStatus(200).data();
        assertEquals(List.of("critical", "high", "medium", "low"), severities(detail));
        assertEquals(List.of("incident", "incident", "provisional_page", "notification"), outcomes(detail));

        String message =
                api.send("DELETE", "/v1/routing/policies/" + id, null, null).errorMessage();
        api.send("DELETE", "/v1/routing/policies/" + id, null, null)
                .assertError(409, "invalid_request_error", "default_routing_policy");
        assertTrue(message.contains("default"), message);

        JsonNode replaced = api.put("/v1/routing/policies/" + id, PAYMENTS)
                .assertStatus(200)
                .data();
        assertTrue(replaced.get("isDefault").asBoolean(), "replacing keeps it the default");
        assertEquals(
                1,
                server.query(
                                                "SELECT COUNT(*) FROM routing_policies WHERE default_of = ?",
                                                defaultPolicy.get("orgId").asText())
                                        .get(0)
                                        .get(0)
                                instanceof Number n
                        ? n.intValue()
                        : -1);
    }

    @Test
    void rulesMustCoverEachSeverityExactlyOnce() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String twiceLow = PAYMENTS.replace("\"critical\"", "\"low\"");
        String message = api.post("/v1/routing/policies", twiceLow).errorMessage();
        api.post("/v1/routing/policies", twiceLow).assertError(400, "invalid_request_error", "invalid_rules");
        assertTrue(message.contains("rules"), message);
        ApiClient unchecked = api.uncheckedRequests("an unknown outcome, then three rules");
        unchecked
                .post("/v1/routing/policies", PAYMENTS.replace("\"drop\"", "\"page\""))
                .assertError(422, "validation_error", "invalid_enum_value");
        String three = PAYMENTS.replace(",\n  {\"severity\": \"high\", \"outcome\": \"provisional_page\"}", "");
        unchecked.post("/v1/routing/policies", three).assertError(422, "validation_error", "too_short");
        assertEquals(1, api.get("/v1/routing/policies").assertStatus(200).data().size(), "nothing stored");
    }

    @Test
    void escalationPolicyMustExistInTheOrganization() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String unknown = PAYMENTS.replace(
                "\"incident\", \"escalationPolicyId\": null",
                "\"incident\", \"escalationPolicyId\": \"ep_doesnotexist\"");
        String message = api.post("/v1/routing/policies", unknown).errorMessage();
        assertTrue(message.contains("ep_doesnotexist"), message);
        api.post("/v1/routing/policies", unknown)
                .assertError(400, "invalid_request_error", "invalid_escalation_policy_id");
    }

    /** Organizations that existed before routing policies get their default from the migration. */
    @Test
    void migrationGivesExistingOrganizationsTheirDefault() throws SQLException {
        Map<String, Object> database = MigratedDatabase.at(
                "5",
                "INSERT INTO organizations (id, name, created_at) "
                        + "VALUES ('org_Before123', 'Before', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')");
        try (TestServer upgraded = TestServer.dedicated(database)) {
            List<List<Object>> rows =
                    upgraded.query("SELECT id, name, rules FROM routing_policies WHERE default_of = 'org_Before123'");
            assertEquals(1, rows.size());
            assertEquals("rp_Before123", rows.get(0).get(0));
            assertTrue(rows.get(0).get(2).toString().contains("provisional_page"));
        }
    }

    private static List<String> severities(JsonNode policy) {
        return field(policy, "severity");
    }

    private static List<String> outcomes(JsonNode policy) {
        return field(policy, "outcome");
    }

    private static List<String> field(JsonNode policy, String name) {
        List<String> values = new ArrayList<>();
        policy.get("rules").forEach(rule -> values.add(rule.get(name).asText()));
        return values;
    }
}
