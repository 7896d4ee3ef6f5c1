package cloud.scaling.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /v1/components as the official Terraform provider drives it, and components on incidents. */
class ComponentTest {

    private final TestServer server = TestServer.shared();

    /** The provider's resource lifecycle: create, read, update with its full state, delete, read gone. */
    @Test
    void terraformProviderLifecycle() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        JsonNode created = api.post(
                        "/v1/components",
                        "{\"name\":\"Payments API\",\"description\":\"Cards\",\"aliases\":[\"payments\",\"api\"]}")
                .assertStatus(201)
                .data();
        String id = created.get("id").asText();
        assertTrue(id.startsWith("cmp_"), id);
        assertEquals(
                List.of(
                        "id",
                        "orgId",
                        "name",
                        "description",
                        "aliases",
                        "operationalStatus",
                        "maintenanceWindow",
                        "escalationPolicyId",
                        "createdAt",
                        "updatedAt"),
                fieldNames(created));
        assertTrue(created.get("escalationPolicyId").isNull());
        assertEquals("[\"api\",\"payments\"]", created.get("aliases").toString(), "kept sorted");
        assertEquals("operational", created.get("operationalStatus").asText());
        assertTrue(created.get("maintenanceWindow").isNull());

        assertEquals(created, api.get("/v1/components/" + id).assertStatus(200).data());

        JsonNode updated = api.patch(
                        "/v1/components/" + id, "{\"name\":\"Payments\",\"description\":null,\"aliases\":[]}")
                .assertStatus(200)
                .data();
        assertEquals("Payments", updated.get("name").asText());
        assertTrue(updated.get("description").isNull());
        assertEquals(0, updated.get("aliases").size());
        assertEquals(created.get("createdAt"), updated.get("createdAt"));

        JsonNode maintained = api.patch(
                        "/v1/components/" + id,
                        "{\"name\":\"Payments\",\"operationalStatus\":"
                                + "\"maintenance\",\"maintenanceWindow\":{\"startedAt\":\"2026-06-01T10:00:00Z\",\"endsAt\":null}}")
                .assertStatus(200)
                .data();
        assertEquals("maintenance", maintained.get("operationalStatus").asText());
        assertEquals(
                "2026-06-01T10:00:00.000Z",
                maintained.get("maintenanceWindow").get("startedAt").asText());
        assertTrue(maintained.get("maintenanceWindow").has("endsAt"), "open-ended is endsAt: null, not an absent key");
        assertTrue(maintained.get("maintenanceWindow").get("endsAt").isNull());
        JsonNode kept = api.patch("/v1/components/" + id, "{\"name\":\"Payments\"}")
                .assertStatus(200)
                .data();
        assertEquals("maintenance", kept.get("operationalStatus").asText(), "absent means unchanged");

        api.send("DELETE", "/v1/components/" + id, null, null).assertStatus(204);
        api.get("/v1/components/" + id).assertError(404, "invalid_request_error", "not_found");
        api.send("DELETE", "/v1/components/" + id, null, null).assertError(404, "invalid_request_error", "not_found");
    }

    /** The provider never sends escalationPolicyId: its full-state PATCH keeps it; "" removes it. */
    @Test
    void aDefaultEscalationPolicySurvivesTheProvidersUpdatesAndItsPolicysDeletion() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String policy = EscalationPolicyFixture.named("Primary").create(api);
        String id = api.post("/v1/components", "{\"name\":\"Search\",\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        JsonNode kept = api.patch(
                        "/v1/components/" + id, "{\"name\":\"Search\",\"description\":null," + "\"aliases\":[]}")
                .assertStatus(200)
                .data();
        assertEquals(policy, kept.get("escalationPolicyId").asText());
        assertTrue(api.patch("/v1/components/" + id, "{\"name\":\"Search\",\"escalationPolicyId\":\"\"}")
                .assertStatus(200)
                .data()
                .get("escalationPolicyId")
                .isNull());
        api.patch("/v1/components/" + id, "{\"name\":\"Search\",\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(200);

        String foreign = EscalationPolicyFixture.named("Theirs")
                .create(server.api(server.newOrganization().apiKey()));
        api.patch("/v1/components/" + id, "{\"name\":\"Search\",\"escalationPolicyId\":\"" + foreign + "\"}")
                .assertError(400, "invalid_request_error", "invalid_escalation_policy_id");
        api.post("/v1/components", "{\"name\":\"Other\",\"escalationPolicyId\":\"ep_nope\"}")
                .assertError(400, "invalid_request_error", "invalid_escalation_policy_id");

        api.send("DELETE", "/v1/escalation/policies/" + policy, null, null).assertStatus(204);
        assertTrue(
                api.get("/v1/components/" + id)
                        .assertStatus(200)
                        .data()
                        .get("escalationPolicyId")
                        .isNull(),
                "deleting the policy removes the default, not the component");
    }

    @Test
    void listPagesThroughEveryComponentOnceOldestFirst() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(api.createComponent("Component " + i));
        }
        server.api(server.newOrganization().apiKey()).createComponent("Not mine");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/v1/components?limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .assertStatus(200)
                    .data();
            page.get("components")
                    .forEach(component -> seen.add(component.get("id").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(7, new HashSet<>(seen).size());
        assertEquals(Set.copyOf(created), Set.copyOf(seen));

        String incidentsCursor = nextIncidentCursor(api);
        api.get("/v1/components?cursor=" + incidentsCursor).assertError(422, "validation_error", "invalid_cursor");
        api.uncheckedRequests("limit over 100")
                .get("/v1/components?limit=101")
                .assertError(422, "validation_error", "out_of_range");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name missing          | {"description":"x"}                      | missing_field      | name
            name too long         | {"name":"NAME101"}                       | too_long           | name
            name empty            | {"name":""}                              | too_short          | name
            alias empty           | {"name":"n","aliases":[""]}              | too_short          | aliases[0]
            too many aliases      | {"name":"n","aliases":ALIASES51}         | too_long           | aliases
            unknown status        | {"name":"n","operationalStatus":"down"}  | invalid_enum_value | operationalStatus
            window ends first     | {"name":"n","maintenanceWindow":{"startedAt":"2026-06-02T00:00:00Z","endsAt":"2026-06-01T00:00:00Z"}} | invalid_date_range | maintenanceWindow.endsAt
            """)
    void createRejectsInvalidComponents(String name, String body, String code, String field) {
        ApiClient api = server.api(server.newOrganization().apiKey());
        StringBuilder aliases = new StringBuilder("[");
        for (int i = 0; i < 51; i++) {
            aliases.append(i == 0 ? "" : ",").append("\"a").append(i).append('"');
        }
        String json = body.replace("NAME101", "n".repeat(101)).replace("ALIASES51", aliases.append(']'));
        // Every row but the inverted window breaks the spec's schema; that one only the server's own rule.
        JsonNode error =
                api.uncheckedRequests(name).post("/v1/components", json).assertError(422, "validation_error", code);
        assertTrue(error.get("message").asText().startsWith(field), error.toString());
        assertEquals(0, api.get("/v1/components").data().get("components").size());
    }

    @Test
    void incidentsCarryTheirAffectedComponents() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String search = api.createComponent("Search");
        String checkout = api.createComponent("Checkout");
        JsonNode incident = api.post(
                        "/v1/incidents",
                        "{\"title\":\"t\",\"severity\":\"low\",\"componentIds\":[\"" + search + "\",\"" + checkout
                                + "\"]}")
                .assertStatus(201)
                .data();
        assertEquals(
                "[{\"id\":\"" + checkout + "\",\"name\":\"Checkout\"},{\"id\":\"" + search + "\",\"name\":\"Search\"}]",
                incident.get("affectedComponents").toString());
        String id = incident.get("id").asText();
        assertEquals(
                incident.get("affectedComponents"),
                api.get("/v1/incidents").data().get("incidents").get(0).get("affectedComponents"));

        JsonNode replaced = api.put("/v1/incidents/" + id + "/components", "{\"componentIds\":[\"" + search + "\"]}")
                .assertStatus(200)
                .data();
        assertEquals(1, replaced.get("affectedComponents").size());
        JsonNode event =
                replaced.get("auditTrail").get(replaced.get("auditTrail").size() - 1);
        assertEquals("components_changed", event.get("type").asText());

        api.put("/v1/incidents/" + id + "/components", "{\"componentIds\":[\"" + search + "\",\"" + search + "\"]}")
                .assertError(400, "invalid_request_error", "duplicate_component_id");
        api.put("/v1/incidents/" + id + "/components", "{\"componentIds\":[\"cmp_unknown\"]}")
                .assertError(400, "invalid_request_error", "invalid_component_id");
        api.uncheckedRequests("componentIds missing")
                .put("/v1/incidents/" + id + "/components", "{}")
                .assertError(422, "validation_error", "missing_field");
        assertEquals(
                1,
                api.get("/v1/incidents/" + id).data().get("affectedComponents").size(),
                "unchanged");

        api.send("DELETE", "/v1/components/" + search, null, null).assertStatus(204);
        assertEquals(
                0,
                api.get("/v1/incidents/" + id).data().get("affectedComponents").size(),
                "a deleted component leaves every incident");
        api.put("/v1/incidents/" + id + "/components", "{\"componentIds\":[]}").assertStatus(200);
    }

    @Test
    void createRejectsDuplicateAndUnknownComponentIds() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String search = api.createComponent("Search");
        api.post(
                        "/v1/incidents",
                        "{\"title\":\"t\",\"severity\":\"low\",\"componentIds\":[\"" + search + "\",\"" + search
                                + "\"]}")
                .assertError(400, "invalid_request_error", "duplicate_component_id");
        api.post("/v1/incidents", "{\"title\":\"t\",\"severity\":\"low\",\"componentIds\":[\"cmp_nope\"]}")
                .assertError(400, "invalid_request_error", "invalid_component_id");
        assertEquals(0, api.get("/v1/incidents").data().get("incidents").size(), "nothing half-written");
    }

    private static String nextIncidentCursor(ApiClient api) {
        api.createIncident("one");
        api.createIncident("two");
        return api.get("/v1/incidents?limit=1").data().get("nextCursor").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
