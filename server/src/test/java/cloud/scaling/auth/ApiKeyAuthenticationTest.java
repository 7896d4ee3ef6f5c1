package cloud.scaling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.orgs.Provisioning;
import cloud.scaling.shared.Hashing;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.SettableTicker;
import cloud.scaling.support.TestServer;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both 401s, revoked keys and the key cache. The organization boundary around every operation is the contract
 * suite's (CrossOrganizationContractTest).
 */
class ApiKeyAuthenticationTest {

    private static final String INCIDENT = "{\"title\":\"t\",\"severity\":\"low\"}";

    private final TestServer server = TestServer.shared();

    @Test
    void missingOrNonBearerAuthorizationIsMissingAuthorizationHeader() {
        ApiClient anonymous = server.anonymous().uncheckedRequests("no bearer credential");
        anonymous.get("/v1/incidents").assertError(401, "not_authorized_error", "missing_authorization_header");
        for (String header : new String[] {"Basic dXNlcjpwYXNz", "bearer scl_live_x", "Bearer", "scl_live_abc"}) {
            anonymous
                    .sendRaw(HttpRequest.newBuilder(server.uri().resolve("/v1/incidents"))
                            .header("Authorization", header)
                            .GET())
                    .assertError(401, "not_authorized_error", "missing_authorization_header");
        }
        anonymous
                .post("/v1/incidents", INCIDENT)
                .assertError(401, "not_authorized_error", "missing_authorization_header");
    }

    @Test
    void unknownOrMalformedKeysAreInvalidApiKey() {
        String real = server.newOrganization().apiKey();
        String oneCharOff = real.substring(0, real.length() - 1) + (real.endsWith("a") ? "b" : "a");
        for (String key : new String[] {oneCharOff, "scl_live_short", "scl_test_" + real.substring(9), "nonsense"}) {
            server.api(key).get("/v1/incidents").assertError(401, "not_authorized_error", "invalid_api_key");
        }
        server.api(real).get("/v1/incidents").assertStatus(200);
    }

    @Test
    void aRevokedKeyStopsWorkingAndOtherKeysOfTheOrgDoNot() {
        Provisioned org = server.newOrganization();
        Provisioned member = server.newMember(org.orgId());
        server.api(org.apiKey()).get("/v1/incidents").assertStatus(200);

        assertEquals(1, server.context().getBean(Provisioning.class).revokeKey(ApiKeys.displayPrefix(org.apiKey())));

        server.api(org.apiKey()).get("/v1/incidents").assertError(401, "not_authorized_error", "invalid_api_key");
        server.api(org.apiKey())
                .post("/v1/incidents", INCIDENT)
                .assertError(401, "not_authorized_error", "invalid_api_key");
        server.api(member.apiKey()).get("/v1/incidents").assertStatus(200);
        assertEquals(
                0,
                server.context().getBean(Provisioning.class).revokeKey(ApiKeys.displayPrefix(org.apiKey())),
                "an already revoked key is not matched again");
    }

    /** What the admin command does from another process: it is seen through the auth revision, not at once. */
    @Test
    void aKeyRevokedByAnotherProcessIsRefusedOnceTheCachesCanBeStale() {
        Provisioned org = server.newOrganization();
        server.api(org.apiKey()).get("/v1/incidents").assertStatus(200);

        revokeInTheDatabase(org.apiKey());
        server.update("UPDATE auth_revision SET revision = revision + 1 WHERE id = 1");
        server.context().getBean(SettableTicker.class).advance(KeyCache.MAX_STALENESS.plusMillis(1));

        server.api(org.apiKey()).get("/v1/incidents").assertError(401, "not_authorized_error", "invalid_api_key");
    }

    /** Shows that the revision above is what refuses the key: without it, the server answers from its cache. */
    @Test
    void aKnownKeyIsAnsweredFromTheCacheUntilTheRevisionMoves() {
        Provisioned org = server.newOrganization();
        server.api(org.apiKey()).get("/v1/incidents").assertStatus(200);
        SettableTicker ticker = server.context().getBean(SettableTicker.class);
        KeyCache cache = server.context().getBean(KeyCache.class);
        revokeInTheDatabase(org.apiKey());
        try {
            // Time stands still after a check: the cache stays trusted however slow this machine is.
            ticker.hold();
            cache.checkRevision();
            server.api(org.apiKey()).get("/v1/incidents").assertStatus(200);

            server.update("UPDATE auth_revision SET revision = revision + 1 WHERE id = 1");
            cache.checkRevision();
            server.api(org.apiKey()).get("/v1/incidents").assertError(401, "not_authorized_error", "invalid_api_key");
        } finally {
            ticker.release();
        }
    }

    @Test
    void keysAreStoredOnlyAsSha256Hashes() {
        Provisioned org = server.newOrganization();
        List<List<Object>> stored =
                server.query("SELECT key_hash, display_prefix FROM api_keys WHERE org_id = ?", org.orgId());
        assertEquals(
                List.of(List.of(Hashing.sha256Hex(org.apiKey()), org.apiKey().substring(0, 17))), stored);
        assertFalse(stored.toString().contains(org.apiKey().substring(17)), "no part of the secret beyond the prefix");
    }

    private void revokeInTheDatabase(String apiKey) {
        assertEquals(
                1,
                server.update(
                        "UPDATE api_keys SET revoked_at = CURRENT_TIMESTAMP WHERE key_hash = ?",
                        Hashing.sha256Hex(apiKey)));
    }
}
