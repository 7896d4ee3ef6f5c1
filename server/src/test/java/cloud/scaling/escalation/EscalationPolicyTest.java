package cloud.scaling.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.MemberRemoved;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.ScheduleFixture;
import cloud.scaling.support.TestServer;
import cloud.scaling.support.WorkingHoursFixture;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.event.ApplicationEventPublisher;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escalation policies: the provider's steps read back exactly, the docs' layers over the same levels. */
class EscalationPolicyTest {

    private final TestServer server = TestServer.shared();

    private String workingHours(ApiClient api) {
        return WorkingHoursFixture.named("UK", "Europe/London")
                .window("09:00", "17:00", 1, 2, 3, 4, 5)
                .create(api);
    }

    private String schedule(ApiClient api, String name) {
        return ScheduleFixture.named(name).timezone("Europe/London").create(api);
    }

    /** What the provider sends on create and on a full replacement comes back field for field. */
    @Test
    void providerStepsReadBackExactlyAndAreReplacedWholesale() {
        var org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        String wh = workingHours(api);
        String uk = schedule(api, "UK");
        String us = schedule(api, "US");
        String steps = """
                [{"position": 1, "targetType": "schedule", "targetId": "%s", "escalateAfterSeconds": 300,
                  "condition": {"workingHoursId": "%s", "when": "during"}},
                 {"position": 2, "targetType": "schedule", "targetId": "%s", "escalateAfterSeconds": 90,
                  "condition": null}]""".formatted(uk, wh, us);
        JsonNode created = api.post("/v1/escalation/policies", """
                        {"name": "Follow the sun", "description": "", "steps": %s}""".formatted(steps))
                .assertStatus(201)
                .data();
        String id = created.get("id").asText();
        assertTrue(id.startsWith("ep_"), id);
        assertEquals("", created.get("description").asText(), "the provider's empty description stays empty");
        assertEquals(org.userId(), created.get("createdBy").asText());
        assertSteps(steps, created.get("steps"));
        JsonNode layers = created.get("layers");
        assertEquals(5, layers.get(0).get("ackTimeoutMinutes").asInt());
        assertEquals(2, layers.get(1).get("ackTimeoutMinutes").asInt(), "90 s shows as 2 minutes, rounded up");
        assertEquals(
                "{\"type\":\"schedule\",\"scheduleId\":\"" + us + "\"}",
                layers.get(1).get("target").toString());
        assertEquals(created.get("steps").get(0).get("id"), layers.get(0).get("id"), "one level, two views");
        assertEquals(
                created,
                api.get("/v1/escalation/policies/" + id).assertStatus(200).data());

        // The condition removed (explicit null), the order swapped, a third step added.
        String replaced = """
                [{"position": 1, "targetType": "schedule", "targetId": "%s", "escalateAfterSeconds": 600,
                  "condition": null},
                 {"position": 2, "targetType": "schedule", "targetId": "%s", "escalateAfterSeconds": 60,
                  "condition": null},
                 {"position": 3, "targetType": "users", "targetId": "%s", "escalateAfterSeconds": 120,
                  "condition": {"workingHoursId": "%s", "when": "outside"}}]""".formatted(us, uk, org.userId(), wh);
        JsonNode updated = api.put("/v1/escalation/policies/" + id, """
                        {"name": "Follow the sun", "description": null, "steps": %s}""".formatted(replaced))
                .assertStatus(200)
                .data();
        assertTrue(updated.get("description").isNull());
        assertSteps(replaced, updated.get("steps"));
        assertEquals(
                created.get("steps").get(0).get("id"),
                updated.get("steps").get(0).get("id"),
                "a level that stays keeps its id");
        assertEquals(
                "{\"type\":\"users\",\"userIds\":[\"" + org.userId() + "\"]}",
                updated.get("layers").get(2).get("target").toString());
        assertEquals(
                updated,
                api.get("/v1/escalation/policies/" + id).assertStatus(200).data());

        JsonNode emptied = api.put("/v1/escalation/policies/" + id, "{\"name\":\"Follow the sun\",\"steps\":[]}")
                .assertStatus(200)
                .data();
        assertEquals(0, emptied.get("steps").size());
        assertEquals(0, emptied.get("layers").size());
    }

    /** The docs' flow: a policy without steps, layers inserted, changed, moved, removed; positions stay dense. */
    @Test
    void docsLayersOverTheSameLevels() {
        var org = server.newOrganization();
        var member = server.newMember(org.orgId());
        ApiClient api = server.api(org.apiKey());
        String id = EscalationPolicyFixture.named("Payments").create(api);
        String first = addLayer(api, id, 1, 5, org.userId());
        String before = addLayer(api, id, 1, 10, member.userId());
        JsonNode policy =
                api.get("/v1/escalation/policies/" + id).assertStatus(200).data();
        assertEquals(List.of(before, first), ids(policy.get("layers")));
        assertEquals(600, policy.get("steps").get(0).get("escalateAfterSeconds").asInt());
        assertEquals("users", policy.get("steps").get(0).get("targetType").asText());
        assertEquals(member.userId(), policy.get("steps").get(0).get("targetId").asText());

        JsonNode moved = api.patch(
                        "/v1/escalation/policies/" + id + "/layers/" + before,
                        "{\"position\":2,\"target\":{\"type\":\"users\",\"userIds\":[\"" + member.userId() + "\",\""
                                + org.userId() + "\"]}}")
                .assertStatus(200)
                .data();
        assertEquals(2, moved.get("position").asInt());
        assertEquals(10, moved.get("ackTimeoutMinutes").asInt(), "absent fields stay");
        policy = api.get("/v1/escalation/policies/" + id).assertStatus(200).data();
        assertEquals(List.of(first, before), ids(policy.get("layers")));
        assertEquals(
                member.userId() + "," + org.userId(),
                policy.get("steps").get(1).get("targetId").asText(),
                "a users target as a step: the ids joined by commas, in their order");

        api.put(
                        "/v1/escalation/policies/" + id + "/layers/order",
                        "{\"layerIds\":[\"" + first + "\",\"" + before + "\"]}")
                .assertStatus(200);
        policy = api.get("/v1/escalation/policies/" + id).assertStatus(200).data();
        assertEquals(List.of(first, before), ids(policy.get("layers")), "the public docs' path reorders too");
        for (String method : List.of("PATCH", "DELETE", "GET", "POST")) {
            ApiResponse refused = api.uncheckedRequests("a method the path lacks")
                    .send(method, "/v1/escalation/policies/" + id + "/layers/order", null, null);
            refused.assertError(405, "invalid_request_error", "method_not_allowed");
            assertEquals("PUT", refused.headers().firstValue("Allow").orElse(""), method);
        }
        api.put(
                        "/v1/escalation/policies/" + id + "/layer-order",
                        "{\"layerIds\":[\"" + before + "\",\"" + first + "\"]}")
                .assertStatus(200);
        api.send("DELETE", "/v1/escalation/policies/" + id + "/layers/" + before, null, null)
                .assertStatus(204);
        policy = api.get("/v1/escalation/policies/" + id).assertStatus(200).data();
        assertEquals(List.of(first), ids(policy.get("layers")));
        assertEquals(1, policy.get("layers").get(0).get("position").asInt());
        api.send("DELETE", "/v1/escalation/policies/" + id + "/layers/" + before, null, null)
                .assertError(404, "invalid_request_error", "not_found");
    }

    @Test
    void targetsMustBelongToTheOrganization() {
        ApiClient a = server.api(server.newOrganization().apiKey());
        var b = server.newOrganization();
        ApiClient bApi = server.api(b.apiKey());
        String theirSchedule = schedule(bApi, "Theirs");
        String theirHours = workingHours(bApi);
        String message = a.post(
                        "/v1/escalation/policies",
                        EscalationPolicyFixture.named("P")
                                .pagingSchedule(theirSchedule, 60)
                                .json())
                .assertError(400, "invalid_request_error", "invalid_target")
                .get("message")
                .asText();
        assertTrue(message.startsWith("steps[0].targetId: "), message);
        a.post(
                        "/v1/escalation/policies",
                        EscalationPolicyFixture.named("P")
                                .pagingUsers(60, b.userId())
                                .json())
                .assertError(400, "invalid_request_error", "invalid_target");
        String mine = schedule(a, "Mine");
        a.post(
                        "/v1/escalation/policies",
                        EscalationPolicyFixture.named("P")
                                .pagingSchedule(mine, 60)
                                .when("during", theirHours)
                                .json())
                .assertError(400, "invalid_request_error", "invalid_working_hours_id");
        a.uncheckedRequests("escalateAfterSeconds under its minimum, 60")
                .post(
                        "/v1/escalation/policies",
                        EscalationPolicyFixture.named("P")
                                .pagingSchedule(mine, 59)
                                .json())
                .assertError(422, "validation_error", "out_of_range");
        assertEquals(
                0, a.get("/v1/escalation/policies").assertStatus(200).data().size(), "nothing half-created");
    }

    /** Deleting what a level uses is refused naming the policy; a removed member leaves users targets. */
    @Test
    void referencesAreGuardedAndRemovedMembersLeaveTargets() {
        var org = server.newOrganization();
        var member = server.newMember(org.orgId());
        ApiClient api = server.api(org.apiKey());
        String wh = workingHours(api);
        String sched = schedule(api, "Primary");
        String id = EscalationPolicyFixture.named("Guarded")
                .pagingSchedule(sched, 60)
                .when("outside", wh)
                .pagingUsers(60, member.userId(), org.userId())
                .create(api);
        String whMessage = api.send("DELETE", "/v1/working-hours/" + wh, null, null)
                .assertError(409, "invalid_request_error", "working_hours_in_use")
                .get("message")
                .asText();
        assertTrue(whMessage.contains("Guarded (" + id + ")"), whMessage);
        String schedMessage = api.send("DELETE", "/v1/oncall/schedules/" + sched, null, null)
                .assertError(409, "invalid_request_error", "schedule_in_use")
                .get("message")
                .asText();
        assertTrue(schedMessage.contains("Guarded (" + id + ")"), schedMessage);
        api.get("/v1/working-hours/" + wh).assertStatus(200);
        api.get("/v1/oncall/schedules/" + sched).assertStatus(200);

        JsonNode before =
                api.get("/v1/escalation/policies/" + id).assertStatus(200).data();
        server.context()
                .getBean(ApplicationEventPublisher.class)
                .publishEvent(new MemberRemoved(org.orgId(), member.userId(), org.userId(), Instant.now()));
        JsonNode after =
                api.get("/v1/escalation/policies/" + id).assertStatus(200).data();
        assertEquals(org.userId(), after.get("steps").get(1).get("targetId").asText());
        assertEquals(before.get("steps").get(0), after.get("steps").get(0), "other levels untouched");
        assertNotEquals(
                before.get("steps").get(1).get("updatedAt"),
                after.get("steps").get(1).get("updatedAt"));
        assertEquals(
                1,
                server.query("SELECT user_id FROM escalation_target_removals WHERE policy_id = ?", id)
                        .size(),
                "the removal is recorded");

        api.put("/v1/escalation/policies/" + id, "{\"name\":\"Guarded\",\"steps\":[]}")
                .assertStatus(200);
        api.send("DELETE", "/v1/working-hours/" + wh, null, null).assertStatus(204);
        api.send("DELETE", "/v1/oncall/schedules/" + sched, null, null).assertStatus(204);
    }

    /** A position is a 32-bit integer (the spec's int32): a bigger one is out of range, never bound truncated. */
    @Test
    void positionsBeyond32BitsAreOutOfRange() {
        var org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        ApiClient unchecked = api.uncheckedRequests("positions beyond int32");
        String step = "{\"targetType\":\"users\",\"targetId\":\"" + org.userId() + "\",\"escalateAfterSeconds\":60";
        assertEquals(
                "steps[0].position: must be between -2147483648 and 2147483647.",
                unchecked
                        .post(
                                "/v1/escalation/policies",
                                "{\"name\":\"Huge\",\"steps\":[" + step + ",\"position\":99999999999}]}")
                        .assertError(422, "validation_error", "out_of_range")
                        .get("message")
                        .asText());
        String id = api.post("/v1/escalation/policies", "{\"name\":\"Huge\",\"steps\":[" + step + "}]}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String layer = "\"ackTimeoutMinutes\":5,\"target\":{\"type\":\"users\",\"userIds\":[\"" + org.userId() + "\"]}";
        for (String position : new String[] {"9223372036854775807", "-9223372036854775808", "2147483648", "1e40"}) {
            unchecked
                    .post("/v1/escalation/policies/" + id + "/layers", "{\"position\":" + position + "," + layer + "}")
                    .assertError(422, "validation_error", position.contains("e") ? "invalid_type" : "out_of_range");
        }
        String layerId = api.get("/v1/escalation/policies/" + id)
                .data()
                .get("layers")
                .get(0)
                .get("id")
                .asText();
        assertEquals(
                "position: must be between -2147483648 and 2147483647.",
                unchecked
                        .patch(
                                "/v1/escalation/policies/" + id + "/layers/" + layerId,
                                "{\"position\":123456789012345678901}")
                        .assertError(422, "validation_error", "out_of_range")
                        .get("message")
                        .asText());
    }

    private static String addLayer(ApiClient api, String policyId, int position, int minutes, String userId) {
        return api.post(
                        "/v1/escalation/policies/" + policyId + "/layers",
                        "{\"position\":" + position
                                + ",\"ackTimeoutMinutes\":" + minutes
                                + ",\"target\":{\"type\":\"users\",\"userIds\":[\"" + userId
                                + "\"]}}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    /** Each step as the provider reads it equals what it sent, plus id and timestamps. */
    private static void assertSteps(String sent, JsonNode steps) {
        try {
            JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent);
            assertEquals(expected.size(), steps.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode step = steps.get(i);
                for (String field :
                        List.of("position", "targetType", "targetId", "escalateAfterSeconds", "condition")) {
                    assertEquals(expected.get(i).get(field), step.get(field), "steps[" + i + "]." + field);
                }
                assertTrue(step.get("id").asText().startsWith("step_"));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> ids(JsonNode rows) {
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .map(row -> row.get("id").asText())
                .toList();
    }
}
