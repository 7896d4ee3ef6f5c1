package cloud.scaling.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.auth.KeyUsage;
import cloud.scaling.orgs.MemberRemoved;
import cloud.scaling.orgs.Provisioned;
import cloud.scaling.shared.Hashing;
import cloud.scaling.support.AllAtOnce;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The team's rules that the wire alone cannot show: hashing, expiry, races, removal's reach, key usage. */
class TeamRulesTest {

    private final TestServer server = TestServer.shared();

    @AfterEach
    void releaseClock() {
        server.clock().release();
    }

    @Test
    void theTokenIsStoredHashedAndExpiresAfterSevenDaysByTheApplicationClock() {
        Provisioned org = server.newOrganization();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        server.clock().pin(t0);
        JsonNode early = invite(org, "early-" + UUID.randomUUID() + "@example.com");
        JsonNode late = invite(org, "late-" + UUID.randomUUID() + "@example.com");
        String token = early.get("token").asText();
        assertEquals(
                List.of(List.of(Hashing.sha256Hex(token))),
                server.query(
                        "SELECT token_hash FROM team_invitations WHERE id = ?",
                        early.get("id").asText()));
        assertEquals(
                t0.plus(Duration.ofDays(7)),
                Instant.parse(early.get("expiresAt").asText()));

        server.clock().pin(t0.plus(Duration.ofDays(7)).minusMillis(1));
        server.anonymous()
                .post("/v1/team/invitations/accept", "{\"token\":\"" + token + "\"}")
                .assertStatus(201);
        server.clock().pin(t0.plus(Duration.ofDays(7)));
        server.anonymous()
                .post(
                        "/v1/team/invitations/accept",
                        "{\"token\":\"" + late.get("token").asText() + "\"}")
                .assertError(400, "invalid_request_error", "invitation_expired");
        assertEquals(
                0,
                server.api(org.apiKey())
                        .get("/v1/team/members")
                        .assertStatus(200)
                        .data()
                        .get("invitations")
                        .size(),
                "an expired invitation is no longer pending");
    }

    @Test
    void ofRacingAcceptsWithOneTokenExactlyOneCreatesTheMember() throws Exception {
        Provisioned org = server.newOrganization();
        String email = "race-" + UUID.randomUUID() + "@example.com";
        String body = "{\"token\":\"" + invite(org, email).get("token").asText() + "\"}";
        List<ApiResponse> answers = race(6, () -> server.anonymous().post("/v1/team/invitations/accept", body));
        assertEquals(
                1, answers.stream().filter(answer -> answer.status() == 201).count(), answers.toString());
        answers.stream()
                .filter(answer -> answer.status() != 201)
                .forEach(answer -> answer.assertError(400, "invalid_request_error", "invitation_already_used"));
        assertEquals(
                1L,
                ((Number) server.query("SELECT COUNT(*) FROM users WHERE org_id = ? AND email = ?", org.orgId(), email)
                                .get(0)
                                .get(0))
                        .longValue());
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        for (int round = 0; round < 5; round++) {
            Provisioned org = server.newOrganization();
            Provisioned second = server.newMember(org.orgId());
            ApiClient first = server.api(org.apiKey());
            first.patch("/v1/team/members/" + second.userId() + "/role", "{\"role\":\"org:admin\"}")
                    .assertStatus(200);
            ApiClient other = server.api(second.apiKey());
            // Both learn their role from the database first, so that the race is on the change itself.
            first.get("/v1/team/members").assertStatus(200);
            other.get("/v1/team/members").assertStatus(200);

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<ApiResponse> a = pool.submit(() -> {
                    start.await();
                    return first.patch("/v1/team/members/" + second.userId() + "/role", "{\"role\":\"org:member\"}");
                });
                Future<ApiResponse> b = pool.submit(() -> {
                    start.await();
                    return other.patch("/v1/team/members/" + org.userId() + "/role", "{\"role\":\"org:member\"}");
                });
                start.countDown();
                List<Integer> statuses = List.of(a.get().status(), b.get().status());
                assertTrue(statuses.contains(200) && statuses.contains(401), statuses.toString());
            } finally {
                pool.shutdown();
            }
            assertEquals(
                    1L,
                    ((Number) server.query(
                                            "SELECT COUNT(*) FROM users WHERE org_id = ? AND role = ?",
                                            org.orgId(),
                                            "org:admin")
                                    .get(0)
                                    .get(0))
                            .longValue());
        }
    }

    @Test
    void aRemovedMemberLosesAccessAtOnceButTheirHistoryStaysReadable() {
        Provisioned org = server.newOrganization();
        Provisioned member = server.newMember(org.orgId());
        ApiClient admin = server.api(org.apiKey());
        ApiClient removed = server.api(member.apiKey());
        String incident = removed.createIncident("Disk full");
        removed.post("/v1/incidents/" + incident + "/updates", "{\"body\":\"Looking\",\"visibility\":\"internal\"}")
                .assertStatus(201);
        RecordedRemovals listeners = server.context().getBean(RecordedRemovals.class);

        admin.send("DELETE", "/v1/team/members/" + member.userId(), null, null).assertStatus(204);

        removed.get("/v1/users").assertError(401, "not_authorized_error", "invalid_api_key");
        assertEquals(
                member.userId(),
                admin.get("/v1/incidents/" + incident)
                        .assertStatus(200)
                        .data()
                        .get("createdBy")
                        .asText());
        assertEquals(
                member.userId(),
                admin.get("/v1/incidents/" + incident + "/updates")
                        .assertStatus(200)
                        .data()
                        .get("updates")
                        .get(0)
                        .get("postedBy")
                        .get("id")
                        .asText());
        JsonNode users = admin.get("/v1/users").assertStatus(200).data().get("users");
        assertEquals(1, users.size());
        admin.post("/v1/incidents", "{\"title\":\"t\",\"severity\":\"low\",\"ownerId\":\"" + member.userId() + "\"}")
                .assertError(400, "invalid_request_error", "invalid_owner_id");
        admin.post("/v1/incidents/" + incident + "/handoff", "{\"targetUserId\":\"" + member.userId() + "\"}")
                .assertError(400, "invalid_request_error", "invalid_target_user");

        assertTrue(
                listeners.events.stream()
                        .anyMatch(event -> event.equals(
                                new MemberRemoved(org.orgId(), member.userId(), org.userId(), event.at()))),
                listeners.events.toString());
        assertEquals(
                List.of(List.of("member_removed", org.userId())),
                server.query("SELECT type, actor_id FROM team_events WHERE subject_id = ?", member.userId()));
        assertTrue(server.query("SELECT revoked_at FROM api_keys WHERE user_id = ?", member.userId()).stream()
                .allMatch(row -> row.get(0) != null));
    }

    @Test
    void aListenerThatVetoesTheRemovalUndoesIt() {
        Provisioned org = server.newOrganization();
        Provisioned member = server.newMember(org.orgId());
        server.context().getBean(RecordedRemovals.class).vetoed.add(member.userId());

        server.api(org.apiKey())
                .send("DELETE", "/v1/team/members/" + member.userId(), null, null)
                .assertError(500, "internal_error", "internal_error");

        server.api(member.apiKey()).get("/v1/users").assertStatus(200);
        assertEquals(
                2,
                server.api(org.apiKey())
                        .get("/v1/team/members")
                        .assertStatus(200)
                        .data()
                        .get("members")
                        .size());
        assertEquals(List.of(), server.query("SELECT type FROM team_events WHERE subject_id = ?", member.userId()));
    }

    @Test
    void aRemovedMemberWhoIsInvitedAgainComesBackWithTheSameId() {
        Provisioned org = server.newOrganization();
        String email = "back-" + UUID.randomUUID() + "@example.com";
        Provisioned member = server.newMember(org.orgId(), email);
        ApiClient admin = server.api(org.apiKey());
        admin.send("DELETE", "/v1/team/members/" + member.userId(), null, null).assertStatus(204);

        JsonNode invitation = admin.post(
                        "/v1/team/members/invite", "{\"emailAddress\":\"" + email + "\",\"role\":\"org:admin\"}")
                .assertStatus(201)
                .data();
        JsonNode accepted = server.anonymous()
                .post(
                        "/v1/team/invitations/accept",
                        "{\"token\":\"" + invitation.get("token").asText() + "\"}")
                .assertStatus(201)
                .data();

        assertEquals(member.userId(), accepted.get("member").get("id").asText());
        assertEquals("org:admin", accepted.get("member").get("role").asText());
        server.api(accepted.get("apiKey").get("key").asText())
                .get("/v1/team/members")
                .assertStatus(200);
        server.api(member.apiKey()).get("/v1/users").assertError(401, "not_authorized_error", "invalid_api_key");
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinutePerKey() {
        Provisioned org = server.newOrganization();
        KeyUsage usage = server.context().getBean(KeyUsage.class);
        ApiClient admin = server.api(org.apiKey());
        String keys = "/v1/team/members/" + org.userId() + "/api-keys";
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        server.clock().pin(t0);
        admin.get("/v1/users").assertStatus(200);
        usage.flush();
        assertEquals(t0, lastUsed(admin, keys), "the first use is recorded");

        server.clock().pin(t0.plusSeconds(59));
        admin.get("/v1/users").assertStatus(200);
        usage.flush();
        assertEquals(t0, lastUsed(admin, keys), "uses within the minute write nothing");

        server.clock().pin(t0.plusSeconds(61));
        admin.get("/v1/users").assertStatus(200);
        usage.flush();
        assertEquals(t0.plusSeconds(61), lastUsed(admin, keys));
    }

    private Instant lastUsed(ApiClient client, String keys) {
        JsonNode key = client.get(keys).assertStatus(200).data().get("apiKeys").get(0);
        assertFalse(key.get("lastUsedAt").isNull(), key.toString());
        return Instant.parse(key.get("lastUsedAt").asText());
    }

    private JsonNode invite(Provisioned org, String email) {
        return server.api(org.apiKey())
                .post("/v1/team/members/invite", "{\"emailAddress\":\"" + email + "\"}")
                .assertStatus(201)
                .data();
    }

    private static List<ApiResponse> race(int requests, Supplier<ApiResponse> request) throws Exception {
        return AllAtOnce.send(requests, i -> request.get());
    }
}
