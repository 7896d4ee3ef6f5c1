package cloud.scaling.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ShellDoc;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The product's quickstart, verbatim: its request body, and the response shape and values it shows; and the README's
 * quickstart, run as written.
 */
class QuickstartTest {

    /** Exactly the body of the quickstart's curl, whitespace included. */
    private static final String QUICKSTART_BODY = """
            {
                "title": "Payment service latency spike",
                "description": "P99 latency above 2s for the past 10 minutes.",
                "severity": "high"
              }""";

    private static final List<String> INCIDENT_FIELDS = List.of(
            "id",
            "orgId",
            "title",
            "description",
            "severity",
            "status",
            "ownerId",
            "escalationPolicyId",
            "createdBy",
            "affectedComponents",
            "createdAt",
            "updatedAt");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    private final TestServer server = TestServer.shared();

    @Test
    void createThenListAsTheQuickstartShows() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());

        JsonNode created =
                api.post("/v1/incidents", QUICKSTART_BODY).assertStatus(201).json();
        assertEquals(List.of("data"), fieldNames(created));
        JsonNode incident = created.get("data");
        assertQuickstartIncident(incident, org);

        JsonNode list = api.get("/v1/incidents").assertStatus(200).json();
        assertEquals(List.of("data"), fieldNames(list));
        assertEquals(List.of("incidents", "nextCursor"), fieldNames(list.get("data")));
        assertTrue(list.get("data").get("nextCursor").isNull());
        assertEquals(1, list.get("data").get("incidents").size());
        assertEquals(incident, list.get("data").get("incidents").get(0));

        JsonNode fetched = api.get("/v1/incidents/" + incident.get("id").asText())
                .assertStatus(200)
                .data();
        INCIDENT_FIELDS.forEach(field -> assertEquals(incident.get(field), fetched.get(field), field));
        assertEquals(1, fetched.get("statusHistory").size(), "the initial investigating");
        assertEquals(
                "investigating",
                fetched.get("statusHistory").get(0).get("status").asText());
    }

    /**
     * The README's quickstart block, run with bash and curl as a reader pastes it (their server's address and key in
     * place of its {@code localhost:8080} and placeholder), answers what the README says under it.
     */
    @Test
    void theReadmeQuickstartRunsAsWritten() {
        Provisioned org = server.newOrganization();
        ShellDoc quickstart = ShellDoc.section("README.md", "## Quickstart against your server");
        assertEquals(1, quickstart.blocks().size());
        assertTrue(
                quickstart.blocks().get(0).shell().contains(" -d '" + QUICKSTART_BODY + "'\n"),
                "the README sends the quickstart's body verbatim:\n"
                        + quickstart.blocks().get(0).shell());

        quickstart
                .replacing("http://localhost:8080", server.uri().toString())
                .replacing("scl_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", org.apiKey())
                .runAndCheck(Map.of(), (block, outcome) -> {});
    }

    private static void assertQuickstartIncident(JsonNode incident, Provisioned org) {
        assertEquals(INCIDENT_FIELDS, fieldNames(incident));
        UUID.fromString(incident.get("id").asText());
        assertEquals(org.orgId(), incident.get("orgId").asText());
        assertTrue(incident.get("orgId").asText().startsWith("org_"));
        assertEquals("Payment service latency spike", incident.get("title").asText());
        assertEquals(
                "P99 latency above 2s for the past 10 minutes.",
                incident.get("description").asText());
        assertEquals("high", incident.get("severity").asText());
        assertEquals("investigating", incident.get("status").asText());
        assertTrue(incident.get("ownerId").isNull(), "ownerId is present and null");
        assertTrue(incident.get("escalationPolicyId").isNull(), "escalationPolicyId is present and null");
        assertEquals(org.userId(), incident.get("createdBy").asText());
        assertTrue(incident.get("createdBy").asText().startsWith("user_"));
        assertEquals(0, incident.get("affectedComponents").size());
        String createdAt = incident.get("createdAt").asText();
        assertTrue(TIMESTAMP.matcher(createdAt).matches(), createdAt);
        assertEquals(createdAt, incident.get("updatedAt").asText());
        assertTrue(Instant.parse(createdAt).isAfter(Instant.now().minusSeconds(60)));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
