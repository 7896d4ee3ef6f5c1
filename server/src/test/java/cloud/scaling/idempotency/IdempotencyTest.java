package cloud.scaling.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.TestServer;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST: replays, reuse for another request, a request in flight, expiry, failures. */
class IdempotencyTest {

    private static final String BODY = "{\"title\":\"Once\",\"severity\":\"high\"}";
    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    private final TestServer server = TestServer.shared();

    @AfterEach
    void releaseClock() {
        server.clock().release();
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponseAndCreatesNothing() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        ApiResponse first = post(api, "/v1/incidents", "k-1", BODY).assertStatus(201);
        ApiResponse retry = post(api, "/v1/incidents", "k-1", BODY).assertStatus(201);
        assertEquals(first.body(), retry.body(), "the replay is the first response, byte for byte");
        assertEquals(first.headers().firstValue("Content-Type"), retry.headers().firstValue("Content-Type"));
        assertEquals(1, api.get("/v1/incidents").data().get("incidents").size());

        post(api, "/v1/incidents", "k-2", BODY).assertStatus(201);
        post(api, "/v1/incidents", null, BODY).assertStatus(201);
        assertEquals(3, api.get("/v1/incidents").data().get("incidents").size(), "other keys, or none, do work");
    }

    @Test
    void aReplayAnswersWhatWasStoredEvenWhenTodaysModelWouldWriteItDifferently() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        post(api, "/v1/incidents", "k-old", BODY).assertStatus(201);
        // As an older release would have stored it: a field today's model does not know, the fields in another order.
        String stored = "{\"data\":{\"legacyField\":1,\"title\":\"Once\"}}";
        assertEquals(
                1,
                server.update(
                        "UPDATE idempotency_keys SET response_body = ? WHERE id = ?", stored, org.orgId() + ":k-old"));

        ApiResponse replay = post(
                        api.unchecked("a replay of the older release's answer"), "/v1/incidents", "k-old", BODY)
                .assertStatus(201);

        assertEquals(stored, replay.body());
    }

    @Test
    void keysAreScopedToTheOrganization() {
        ApiClient a = server.api(server.newOrganization().apiKey());
        ApiClient b = server.api(server.newOrganization().apiKey());
        String fromA = post(a, "/v1/incidents", "shared", BODY)
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String fromB = post(b, "/v1/incidents", "shared", BODY)
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        assertEquals(1, b.get("/v1/incidents").data().get("incidents").size());
        assertEquals(false, fromA.equals(fromB));
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String id = post(api, "/v1/incidents", "k", BODY)
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        post(api, "/v1/incidents", "k", "{\"title\":\"Other\",\"severity\":\"high\"}")
                .assertError(400, "invalid_request_error", "idempotency_key_reused");
        post(api, "/v1/incidents/" + id + "/acknowledge", "k", null)
                .assertError(400, "invalid_request_error", "idempotency_key_reused");
        assertEquals(1, api.get("/v1/incidents").data().get("incidents").size());
    }

    @Test
    void aKeyInFlightIsAConflictUntilItIsAbandoned() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        server.clock().pin(T0);
        server.update(
                "INSERT INTO idempotency_keys (id, fingerprint, created_at) VALUES (?, ?, ?)",
                org.orgId() + ":busy",
                "0".repeat(64),
                Timestamp.from(T0));
        post(api, "/v1/incidents", "busy", BODY).assertError(409, "invalid_request_error", "idempotency_key_in_use");

        server.clock().pin(T0.plus(Duration.ofMinutes(2)));
        post(api, "/v1/incidents", "busy", BODY).assertStatus(201);
        assertEquals(1, api.get("/v1/incidents").data().get("incidents").size());
    }

    @Test
    void failedRequestsAreForgottenAndReplaysExpire() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String id = api.createIncident("Resolved soon");
        for (String step : new String[] {"identified", "monitoring", "resolved"}) {
            api.patch("/v1/incidents/" + id + "/status", "{\"status\":\"" + step + "\"}")
                    .assertStatus(200);
        }
        String handoff = "/v1/incidents/" + id + "/handoff";
        String target = "{\"targetUserId\":\"user_nobody\"}";
        post(api, handoff, "h", target).assertError(400, "invalid_request_error", "invalid_target_user");
        post(api, "/v1/incidents", "h", BODY).assertStatus(201);

        server.clock().pin(Instant.now().plus(Duration.ofHours(25)));
        post(api, "/v1/incidents", "h", "{\"title\":\"A day later\",\"severity\":\"low\"}")
                .assertStatus(201);
    }

    @Test
    void anEmptyOrOverlongKeyIsInvalid() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        post(api.uncheckedRequests("an Idempotency-Key over 255 characters"), "/v1/incidents", "x".repeat(256), BODY)
                .assertError(422, "validation_error", "too_long");
        assertEquals(0, api.get("/v1/incidents").data().get("incidents").size());
    }

    private ApiResponse post(ApiClient api, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve(path))
                .header("Authorization", "Bearer " + api.apiKey())
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.sendRaw(request);
    }
}
