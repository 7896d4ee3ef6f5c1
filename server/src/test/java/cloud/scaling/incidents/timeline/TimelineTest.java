package cloud.scaling.incidents.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST/GET /v1/incidents/{id}/updates and redaction, with the clock pinned instead of sleeping. */
class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    private final TestServer server = TestServer.shared();

    @AfterEach
    void releaseClock() {
        server.clock().release();
    }

    @Test
    void postsAndListsUpdatesOldestFirst() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        server.clock().pin(T0);
        String id = api.createIncident("Timeline");
        JsonNode first = api.post(updates(id), "{\"body\":\"Failover started.\",\"visibility\":\"internal\"}")
                .assertStatus(201)
                .data();
        assertEquals(
                List.of(
                        "id",
                        "incidentId",
                        "body",
                        "statusChange",
                        "visibility",
                        "postedBy",
                        "postedAt",
                        "redactedAt",
                        "redactedBy"),
                fieldNames(first));
        assertEquals(id, first.get("incidentId").asText());
        assertEquals("Failover started.", first.get("body").asText());
        assertTrue(first.get("statusChange").isNull());
        assertEquals(org.userId(), first.get("postedBy").get("id").asText());
        assertTrue(first.get("postedBy").get("name").asText().contains("@"), "no name known: the email");
        assertEquals("2026-06-01T12:00:00.000Z", first.get("postedAt").asText());
        assertTrue(first.get("redactedAt").isNull() && first.get("redactedBy").isNull());

        JsonNode second = api.post(
                        updates(id),
                        "{\"body\":\"Cause found.\",\"statusChange\":\"identified\",\"visibility\":\"internal\"}")
                .assertStatus(201)
                .data();
        assertEquals("identified", second.get("statusChange").asText());
        JsonNode incident = api.get("/v1/incidents/" + id).data();
        assertEquals("identified", incident.get("status").asText(), "applied with the update");
        assertEquals("2026-06-01T12:00:00.000Z", incident.get("updatedAt").asText());

        JsonNode listed = api.get(updates(id)).assertStatus(200).data().get("updates");
        assertEquals(List.of(first, second), List.of(listed.get(0), listed.get(1)), "same instant: posting order");
    }

    @Test
    void rejectsUpdatesThatBreakTheRulesAndWritesNothing() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String id = api.createIncident("Rules");
        api.post(updates(id), "{\"visibility\":\"internal\"}")
                .assertError(400, "invalid_request_error", "empty_update");
        api.post(updates(id), "{\"statusChange\":\"identified\",\"visibility\":\"public\"}")
                .assertError(400, "invalid_request_error", "body_required");
        api.post(updates(id), "{\"body\":\"Skip\",\"statusChange\":\"monitoring\",\"visibility\":\"internal\"}")
                .assertError(400, "invalid_request_error", "invalid_status_transition");
        api.post(updates(id), "{\"body\":\"Hello world\",\"visibility\":\"public\"}")
                .assertError(400, "invalid_request_error", "no_public_surface");
        ApiClient unchecked = api.uncheckedRequests("visibility missing or unknown, an empty body");
        unchecked.post(updates(id), "{\"body\":\"x\"}").assertError(422, "validation_error", "missing_field");
        unchecked
                .post(updates(id), "{\"body\":\"x\",\"visibility\":\"secret\"}")
                .assertError(422, "validation_error", "invalid_enum_value");
        unchecked
                .post(updates(id), "{\"body\":\"\",\"visibility\":\"internal\"}")
                .assertError(422, "validation_error", "too_short");
        assertEquals(0, api.get(updates(id)).data().get("updates").size());
        assertEquals(
                "investigating",
                api.get("/v1/incidents/" + id).data().get("status").asText());

        String component = api.createComponent("Checkout " + id);
        api.put("/v1/incidents/" + id + "/components", "{\"componentIds\":[\"" + component + "\"]}")
                .assertStatus(200);
        api.post(updates(id), "{\"body\":\"We are on it.\",\"visibility\":\"public\"}")
                .assertStatus(201);

        for (String step : List.of("identified", "monitoring", "resolved")) {
            api.patch("/v1/incidents/" + id + "/status", "{\"status\":\"" + step + "\"}")
                    .assertStatus(200);
        }
        api.post(updates(id), "{\"body\":\"Late\",\"visibility\":\"internal\"}")
                .assertError(400, "invalid_request_error", "incident_resolved");
    }

    @Test
    void unknownOrForeignIncidentsAreNotFound() {
        ApiClient a = server.api(server.newOrganization().apiKey());
        ApiClient b = server.api(server.newOrganization().apiKey());
        String id = a.createIncident("Mine");
        String update = a.post(updates(id), "{\"body\":\"x\",\"visibility\":\"internal\"}")
                .data()
                .get("id")
                .asText();
        b.get(updates(id)).assertError(404, "invalid_request_error", "not_found");
        b.post(updates(id), "{\"body\":\"x\",\"visibility\":\"internal\"}")
                .assertError(404, "invalid_request_error", "not_found");
        b.post(updates(id) + "/" + update + "/redact", null).assertError(404, "invalid_request_error", "not_found");
        String other = a.createIncident("Other");
        a.post(updates(other) + "/" + update + "/redact", null).assertError(404, "invalid_request_error", "not_found");
        a.uncheckedRequests("an update id that is no UUID")
                .post(updates(id) + "/not-a-uuid/redact", null)
                .assertError(422, "validation_error", "invalid_format");
        assertEquals(1, a.get(updates(id)).data().get("updates").size());
    }

    @Test
    void authorsMayRedactForFiveMinutesAndTheTextIsGone() {
        Provisioned org = server.newOrganization();
        Provisioned member = server.newMember(org.orgId());
        ApiClient author = server.api(member.apiKey());
        server.clock().pin(T0);
        String id = author.createIncident("Redaction");

        String early = postText(author, id, "secret password hunter2");
        String late = postText(author, id, "another secret");

        server.clock().pin(T0.plus(Duration.ofMinutes(5)));
        JsonNode redacted = author.post(updates(id) + "/" + early + "/redact", null)
                .assertStatus(200)
                .data();
        assertTrue(redacted.get("body").isNull());
        assertEquals("2026-06-01T12:05:00.000Z", redacted.get("redactedAt").asText());
        assertEquals(member.userId(), redacted.get("redactedBy").get("id").asText());
        assertTrue(server.query("SELECT body FROM incident_updates WHERE body LIKE '%hunter2%'")
                .isEmpty());

        JsonNode again = author.post(updates(id) + "/" + early + "/redact", null)
                .assertStatus(200)
                .data();
        assertEquals(redacted, again, "redacting twice changes nothing");

        server.clock().pin(T0.plus(Duration.ofMinutes(5)).plusMillis(1));
        author.post(updates(id) + "/" + late + "/redact", null)
                .assertError(403, "invalid_request_error", "redaction_not_permitted");

        ApiClient otherMember = server.api(server.newMember(org.orgId()).apiKey());
        String fresh = postText(author, id, "fresh");
        otherMember
                .post(updates(id) + "/" + fresh + "/redact", null)
                .assertError(403, "invalid_request_error", "redaction_not_permitted");

        JsonNode timeline = author.get(updates(id)).data().get("updates");
        assertEquals(3, timeline.size(), "redacted updates stay on the timeline");
        assertTrue(timeline.get(0).get("body").isNull());
        assertEquals("another secret", timeline.get(1).get("body").asText());
    }

    @Test
    void adminsMayRedactAnyTimeEvenAfterResolve() {
        Provisioned org = server.newOrganization();
        ApiClient member = server.api(server.newMember(org.orgId()).apiKey());
        ApiClient admin = server.api(org.apiKey());
        server.clock().pin(T0);
        String id = member.createIncident("Admin redaction");
        String update = member.post(
                        updates(id),
                        "{\"body\":\"Cause found\",\"statusChange\":\"identified\",\"visibility\":\"internal\"}")
                .data()
                .get("id")
                .asText();
        member.patch("/v1/incidents/" + id + "/status", "{\"status\":\"monitoring\"}")
                .assertStatus(200);
        member.patch("/v1/incidents/" + id + "/status", "{\"status\":\"resolved\"}")
                .assertStatus(200);

        server.clock().pin(T0.plus(Duration.ofDays(30)));
        JsonNode redacted = admin.post(updates(id) + "/" + update + "/redact", null)
                .assertStatus(200)
                .data();
        assertTrue(redacted.get("body").isNull());
        assertEquals("identified", redacted.get("statusChange").asText(), "the status change stays");
        JsonNode audit = admin.get("/v1/incidents/" + id).data().get("auditTrail");
        JsonNode last = audit.get(audit.size() - 1);
        assertEquals("update_redacted", last.get("type").asText());
        assertEquals(update, last.get("details").get("updateId").asText());
        assertNull(last.get("details").get("status"));
    }

    private static String postText(ApiClient api, String id, String body) {
        return api.post(updates(id), "{\"body\":\"" + body + "\",\"visibility\":\"internal\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    private static String updates(String incidentId) {
        return "/v1/incidents/" + incidentId + "/updates";
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
