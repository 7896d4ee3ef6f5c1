package cloud.scaling.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.MemberRemoved;
import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ScheduleFixture;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /v1/oncall/schedules as the Terraform provider and the docs drive it, and what depends on schedules. */
class OncallScheduleTest {

    private final TestServer server = TestServer.shared();
    private final Provisioned org = server.newOrganization();
    private final ApiClient api = server.api(org.apiKey());

    @AfterEach
    void releaseClock() {
        server.clock().release();
    }

    private String schedule(String name) {
        return ScheduleFixture.named(name).timezone("America/New_York").create(api);
    }

    /** A weekly layer handing over on Mondays at 09:00 New York time, through these participants in turn. */
    private String layer(String scheduleId, String name, String... participantIds) {
        return api.post("/v1/oncall/schedules/" + scheduleId + "/layers", """
                        {"name": "%s", "rotationType": "weekly", "rotationLengthDays": 7, "handoffTime": "09:00",
                         "effectiveFrom": "2026-01-05T14:00:00Z", "participantIds": [%s]}""".formatted(name, quoted(participantIds)))
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    private static String quoted(String... ids) {
        return String.join(", ", Arrays.stream(ids).map(id -> "\"" + id + "\"").toList());
    }

    /** An override body: {@code userId} on call from {@code startsAt} to {@code endsAt}. */
    private static String override(String userId, String startsAt, String endsAt) {
        return """
                {"userId": "%s", "startsAt": "%s", "endsAt": "%s"}""".formatted(userId, startsAt, endsAt);
    }

    /** Create, add layers, read back, update everything, delete a layer, delete: what the provider does. */
    @Test
    void terraformProviderLifecycleReadsBackWhatItSent() {
        String bob = server.newMember(org.orgId()).userId();
        JsonNode created =
                api.post("/v1/oncall/schedules", """
                        {"name": "Primary On-Call", "description": "", "timezone": "America/New_York"}""").assertStatus(201).data();
        String id = created.get("id").asText();
        assertTrue(id.startsWith("sch_"), id);
        assertEquals("", created.get("description").asText(), "the provider sends \"\" and must read it back");
        String tier1 = """
                {"name": "Tier 1", "rotationType": "weekly", "rotationLengthDays": 7, "handoffTime": "09:00",
                 "effectiveFrom": "2025-01-01T00:00:00Z", "participantIds": ["%s", "%s"]}""".formatted(org.userId(), bob);
        JsonNode first = api.post("/v1/oncall/schedules/" + id + "/layers", tier1)
                .assertStatus(201)
                .data();
        JsonNode second = api.post("/v1/oncall/schedules/" + id + "/layers", tier1.replace("Tier 1", "Tier 2"))
                .assertStatus(201)
                .data();
        assertEquals("2025-01-01T00:00:00Z", first.get("effectiveFrom").asText(), "verbatim");
        assertTrue(first.has("effectiveUntil") && first.get("effectiveUntil").isNull());
        // effective_until = "" in a configuration: the provider sends "" and reads null back as "" again.
        JsonNode never = api.post(
                        "/v1/oncall/schedules/" + id + "/layers",
                        tier1.replace("Tier 1", "Tier 0")
                                .replace("\"participantIds\"", "\"effectiveUntil\": \"\", \"participantIds\""))
                .assertStatus(201)
                .data();
        assertTrue(never.get("effectiveUntil").isNull(), "\"\" means never");
        api.send(
                        "DELETE",
                        "/v1/oncall/schedules/" + id + "/layers/"
                                + never.get("id").asText(),
                        null,
                        null)
                .assertStatus(204);
        assertEquals(0, first.get("position").asInt());
        assertEquals(1, second.get("position").asInt());
        assertTrue(first.get("id").asText().compareTo(second.get("id").asText()) < 0, "ids sort in creation order");

        JsonNode read = api.get("/v1/oncall/schedules/" + id).assertStatus(200).data();
        assertEquals(
                List.of(first, second),
                List.of(read.get("layers").get(0), read.get("layers").get(1)));

        JsonNode renamed =
                api.put("/v1/oncall/schedules/" + id, """
                        {"name": "Primary", "description": null, "timezone": "Europe/Berlin"}""").assertStatus(200).data();
        assertTrue(renamed.get("description").isNull());
        assertEquals("Europe/Berlin", renamed.get("timezone").asText());
        JsonNode replaced = api.put(
                        "/v1/oncall/schedules/" + id + "/layers/"
                                + first.get("id").asText(),
                        tier1.replace(
                                        "\"effectiveFrom\"",
                                        "\"effectiveUntil\": \"2027-01-01T00:00:00+01:00\", \"effectiveFrom\"")
                                .replace("weekly", "custom")
                                .replace(": 7", ": 3"))
                .assertStatus(200)
                .data();
        assertEquals("2027-01-01T00:00:00+01:00", replaced.get("effectiveUntil").asText());
        assertEquals(3, replaced.get("rotationLengthDays").asInt());
        assertEquals(0, replaced.get("position").asInt(), "a replacement keeps its position");

        api.send(
                        "DELETE",
                        "/v1/oncall/schedules/" + id + "/layers/"
                                + first.get("id").asText(),
                        null,
                        null)
                .assertStatus(204);
        JsonNode after = api.get("/v1/oncall/schedules/" + id).assertStatus(200).data();
        assertEquals(1, after.get("layers").size());
        assertEquals(0, after.get("layers").get(0).get("position").asInt(), "positions close ranks");
        api.send(
                        "DELETE",
                        "/v1/oncall/schedules/" + id + "/layers/"
                                + first.get("id").asText(),
                        null,
                        null)
                .assertError(404, "invalid_request_error", "not_found");

        JsonNode listed = api.get("/v1/oncall/schedules").assertStatus(200).data();
        assertTrue(listed.isArray());
        assertEquals(renamed, listed.get(0));

        api.send("DELETE", "/v1/oncall/schedules/" + id, null, null).assertStatus(204);
        api.get("/v1/oncall/schedules/" + id).assertError(404, "invalid_request_error", "not_found");
        assertEquals(0L, count("SELECT COUNT(*) FROM oncall_layers WHERE schedule_id = ?", id), "layers go too");
    }

    @Test
    void rulesOnNamesTimezonesLengthsAndParticipants() {
        String id = schedule("Rules");
        api.post("/v1/oncall/schedules", "{\"name\":\"Rules\",\"timezone\":\"UTC\"}")
                .assertError(409, "invalid_request_error", "name_conflict");
        api.post("/v1/oncall/schedules", "{\"name\":\"Other\",\"timezone\":\"Mars/Olympus\"}")
                .assertError(422, "validation_error", "invalid_timezone");
        String body = """
                {"name": "L", "rotationType": "daily", "rotationLengthDays": %d, "handoffTime": "%s",
                 "effectiveFrom": "%s", "participantIds": ["%s"]}""";
        String path = "/v1/oncall/schedules/" + id + "/layers";
        api.post(path, body.formatted(7, "09:00", "2026-01-01T00:00:00Z", org.userId()))
                .assertError(422, "validation_error", "invalid_rotation_length");
        ApiClient unchecked = api.uncheckedRequests("a handoff time, then a date, that do not exist");
        unchecked
                .post(path, body.formatted(1, "24:00", "2026-01-01T00:00:00Z", org.userId()))
                .assertError(422, "validation_error", "invalid_format");
        unchecked
                .post(path, body.formatted(1, "09:00", "2026-02-30T00:00:00Z", org.userId()))
                .assertError(422, "validation_error", "invalid_format");
        api.post(path, body.formatted(1, "09:00", "2026-01-01T00:00:00Z", "user_nobody"))
                .assertError(400, "invalid_request_error", "invalid_participant_id");
        String stranger = server.newOrganization().userId();
        api.post(path, body.formatted(1, "09:00", "2026-01-01T00:00:00Z", stranger))
                .assertError(400, "invalid_request_error", "invalid_participant_id");
        api.post(
                        path,
                        body.formatted(1, "09:00", "2026-01-01T00:00:00Z", org.userId())
                                .replace(
                                        "\"participantIds\"",
                                        "\"effectiveUntil\": \"2025-12-31T00:00:00Z\", \"participantIds\""))
                .assertError(422, "validation_error", "invalid_date_range");
    }

    @Test
    void reorderSetsEveryPositionAndRefusesAnythingButAPermutation() {
        String id = schedule("Reorder");
        String a = layer(id, "A", org.userId());
        String b = layer(id, "B", org.userId());
        String c = layer(id, "C", org.userId());
        JsonNode reordered = api.put(
                        "/v1/oncall/schedules/" + id + "/layer-order",
                        "{\"layerIds\":[\"" + c + "\",\"" + a + "\",\"" + b + "\"]}")
                .assertStatus(200)
                .data();
        assertEquals(List.of("C", "A", "B"), names(reordered.get("layers")));
        api.put("/v1/oncall/schedules/" + id + "/layer-order", "{\"layerIds\":[\"" + c + "\",\"" + a + "\"]}")
                .assertError(400, "invalid_request_error", "invalid_layer_order");
        api.put(
                        "/v1/oncall/schedules/" + id + "/layer-order",
                        "{\"layerIds\":[\"" + c + "\",\"" + a + "\",\"" + a + "\"]}")
                .assertError(400, "invalid_request_error", "invalid_layer_order");
    }

    @Test
    void overridesResolveAndShiftsFollowTheRotation() {
        String bob = server.newMember(org.orgId()).userId();
        String carol = server.newMember(org.orgId()).userId();
        String id = schedule("Timeline");
        String primary = layer(id, "Primary", org.userId(), bob);
        server.clock().pin(Instant.parse("2026-01-07T12:00:00Z"));

        JsonNode now = api.get("/v1/oncall/schedules/" + id + "/resolve")
                .assertStatus(200)
                .data();
        assertEquals(org.userId(), now.get("ownerId").asText());
        assertEquals(primary, now.get("currentOncall").get("layerId").asText());
        assertEquals(
                "2026-01-12T14:00:00.000Z",
                now.get("currentOncall").get("endsAt").asText());

        JsonNode override = api.post(
                        "/v1/oncall/schedules/" + id + "/overrides",
                        override(carol, "2026-01-09T23:00:00Z", "2026-01-12T14:00:00Z"))
                .assertStatus(201)
                .data();
        JsonNode weekend = api.get("/v1/oncall/schedules/" + id + "/resolve?at=2026-01-10T12:00:00Z")
                .assertStatus(200)
                .data();
        assertEquals(carol, weekend.get("ownerId").asText());
        assertEquals(List.of(carol), texts(weekend.get("pagingTargets")));
        assertEquals(
                override.get("id").asText(),
                weekend.get("currentOncall").get("overrideId").asText());

        JsonNode shifts = api.get(
                        "/v1/oncall/schedules/" + id + "/shifts?from=2026-01-05T14:00:00Z&to=2026-01-19T14:00:00Z")
                .assertStatus(200)
                .data();
        assertEquals(List.of(org.userId(), carol, bob), users(shifts.get("shifts")));
        assertEquals(
                1,
                api.get("/v1/oncall/schedules/" + id + "/overrides")
                        .assertStatus(200)
                        .data()
                        .get("overrides")
                        .size());

        api.get("/v1/oncall/schedules/" + id + "/shifts?from=2026-01-01T00:00:00Z&to=2027-01-03T00:00:00Z")
                .assertError(422, "validation_error", "window_too_large");
        api.get("/v1/oncall/schedules/" + id + "/shifts?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
                .assertError(422, "validation_error", "invalid_date_range");
        api.post(
                        "/v1/oncall/schedules/" + id + "/overrides",
                        override(carol, "2026-01-09T23:00:00Z", "2026-01-09T23:00:00Z"))
                .assertError(422, "validation_error", "invalid_date_range");
        api.post(
                        "/v1/oncall/schedules/" + id + "/overrides",
                        "{\"userId\":\"user_nobody\""
                                + ",\"startsAt\":\"2026-01-09T23:00:00Z\",\"endsAt\":\"2026-01-10T23:00:00Z\"}")
                .assertError(400, "invalid_request_error", "invalid_user_id");

        api.send(
                        "DELETE",
                        "/v1/oncall/schedules/" + id + "/overrides/"
                                + override.get("id").asText(),
                        null,
                        null)
                .assertStatus(204);
        assertEquals(
                org.userId(),
                api.get("/v1/oncall/schedules/" + id + "/resolve?at=2026-01-10T12:00:00Z")
                        .assertStatus(200)
                        .data()
                        .get("ownerId")
                        .asText());
    }

    @Test
    void anIncidentGetsTheScheduleOwnerOfItsCreationMomentAndKeepsIt() {
        String bob = server.newMember(org.orgId()).userId();
        String id = schedule("Incident owners");
        layer(id, "Primary", bob, org.userId());
        server.clock().pin(Instant.parse("2026-01-07T12:00:00Z"));
        JsonNode incident = api.post(
                        "/v1/incidents",
                        "{\"title\":\"Down\",\"severity\":\"high\"," + "\"ownerScheduleId\":\"" + id + "\"}")
                .assertStatus(201)
                .data();
        assertEquals(bob, incident.get("ownerId").asText());
        JsonNode explicit = api.post(
                        "/v1/incidents",
                        "{\"title\":\"Down\",\"severity\":\"high\",\"ownerId\":\"" + org.userId()
                                + "\",\"ownerScheduleId\":\"" + id + "\"}")
                .assertStatus(201)
                .data();
        assertEquals(org.userId(), explicit.get("ownerId").asText(), "ownerId wins");

        api.post("/v1/incidents", "{\"title\":\"Down\",\"severity\":\"high\",\"ownerScheduleId\":\"sch_nope\"}")
                .assertError(404, "invalid_request_error", "not_found");
        String foreign = server.api(server.newOrganization().apiKey())
                .post("/v1/oncall/schedules", ScheduleFixture.named("Theirs").json())
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        api.post("/v1/incidents", "{\"title\":\"Down\",\"severity\":\"high\",\"ownerScheduleId\":\"" + foreign + "\"}")
                .assertError(404, "invalid_request_error", "not_found");

        server.clock().pin(Instant.parse("2026-01-14T12:00:00Z"));
        api.send("DELETE", "/v1/oncall/schedules/" + id, null, null).assertStatus(204);
        assertEquals(
                bob,
                api.get("/v1/incidents/" + incident.get("id").asText())
                        .assertStatus(200)
                        .data()
                        .get("ownerId")
                        .asText(),
                "the owner was fixed at creation and outlives the schedule");
    }

    @Test
    void deletingPublishesScheduleDeletingInsideTheTransactionSoThatAVetoKeepsEverything() {
        ScheduleDeletingRecorder recorder = server.context().getBean(ScheduleDeletingRecorder.class);
        String id = schedule("Vetoed");
        layer(id, "Primary", org.userId());
        recorder.vetoed.add(id);
        api.send("DELETE", "/v1/oncall/schedules/" + id, null, null)
                .assertError(400, "invalid_request_error", "schedule_in_use");
        assertEquals(
                1,
                api.get("/v1/oncall/schedules/" + id)
                        .assertStatus(200)
                        .data()
                        .get("layers")
                        .size());
        recorder.vetoed.remove(id);
        api.send("DELETE", "/v1/oncall/schedules/" + id, null, null).assertStatus(204);
        assertTrue(recorder.seen.contains(new ScheduleDeleting(org.orgId(), id)));
    }

    @Test
    void aRemovedMemberLeavesEveryRotationAndOverrideOfTheOrganization() {
        String bob = server.newMember(org.orgId()).userId();
        String first = schedule("First");
        String second = schedule("Second");
        String layerA = layer(first, "A", bob, org.userId(), bob);
        layer(second, "B", bob);
        api.post(
                        "/v1/oncall/schedules/" + second + "/overrides",
                        override(bob, "2026-01-09T23:00:00Z", "2099-01-12T14:00:00Z"))
                .assertStatus(201);

        ApplicationEventPublisher<MemberRemoved> publisher =
                server.context().getBean(Argument.of(ApplicationEventPublisher.class, MemberRemoved.class));
        TransactionOperations<Connection> transactions =
                server.context().getBean(Argument.of(TransactionOperations.class, Connection.class));
        transactions.executeWrite(status -> {
            publisher.publishEvent(new MemberRemoved(org.orgId(), bob, org.userId(), Instant.now()));
            return null;
        });

        JsonNode a = api.get("/v1/oncall/schedules/" + first)
                .assertStatus(200)
                .data()
                .get("layers")
                .get(0);
        assertEquals(layerA, a.get("id").asText());
        assertEquals(List.of(org.userId()), texts(a.get("participantIds")), "the rest keep their order");
        JsonNode b = api.get("/v1/oncall/schedules/" + second)
                .assertStatus(200)
                .data()
                .get("layers")
                .get(0);
        assertEquals(0, b.get("participantIds").size(), "the layer stays, putting nobody on call");
        assertEquals(
                0,
                api.get("/v1/oncall/schedules/" + second + "/overrides")
                        .assertStatus(200)
                        .data()
                        .get("overrides")
                        .size());
        assertTrue(api.get("/v1/oncall/schedules/" + second + "/resolve")
                .assertStatus(200)
                .data()
                .get("ownerId")
                .isNull());
    }

    private long count(String sql, Object... args) {
        return ((Number) server.query(sql, args).get(0).get(0)).longValue();
    }

    private static List<String> names(JsonNode layers) {
        List<String> out = new ArrayList<>();
        layers.forEach(layer -> out.add(layer.get("name").asText()));
        return out;
    }

    private static List<String> users(JsonNode shifts) {
        List<String> out = new ArrayList<>();
        shifts.forEach(shift -> out.add(shift.get("userId").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out;
    }
}
