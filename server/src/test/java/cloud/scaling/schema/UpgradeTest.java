package cloud.scaling.schema;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.DueWork;
import cloud.scaling.support.TestDatabase;
import cloud.scaling.support.TestServer;
import cloud.scaling.webhooks.WebhookDispatcher;
import cloud.scaling.webhooks.WebhookSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upgrades keep data: for each release with a fixture in {@code upgrade/} (test resources), a new database is brought
 * to that release's schema (the migrations it carried, "-- schema: N" in the fixture) with rows as that release wrote
 * them; this build then starts on it (migrating it) and must answer every row back through the API. Runs on H2 and
 * on PostgreSQL with the rest of the suite. Each release adds its fixture and its read-back here; from 1.4.0 on, the
 * fixture is recorded from that release's server, with what its API answered ({@code <release>.answers.json}).
 */
class UpgradeTest {

    private static final Pattern SCHEMA = Pattern.compile("\\A-- schema: (\\S+)\n");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A release's fixture: its admin's API key, and what it holds, read back through this build's API. */
    private record ReadBack(String apiKey, BiConsumer<TestServer, ApiClient> check) {}

    /** What each release's fixture holds, read back through this build's API. */
    private static final Map<String, ReadBack> READ_BACK = Map.of(
            "1.0.0", new ReadBack("scl_live_Upgrade100FixtureKey000000000000", (server, api) -> readBack100(api)),
            "1.4.0", new ReadBack("scl_live_Upgrade140FixtureKey000000000000", UpgradeTest::readBack140));

    static Stream<String> releases() throws IOException, URISyntaxException {
        Path dir = Path.of(
                UpgradeTest.class.getClassLoader().getResource("upgrade").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .map(name -> name.substring(0, name.length() - ".sql".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyFixtureHasItsReadBackAndTheFirstReleaseIsCovered() throws Exception {
        List<String> releases = releases().toList();
        assertTrue(releases.contains("1.0.0"), releases::toString);
        assertEquals(READ_BACK.keySet(), Set.copyOf(releases), "a read-back for every fixture, a fixture for each");
    }

    @ParameterizedTest(name = "from {0}")
    @MethodSource("releases")
    void aDatabaseThatReleaseWroteIsReadBackInFull(String release) throws Exception {
        String fixture = resource(release + ".sql");
        Matcher schema = SCHEMA.matcher(fixture);
        assertTrue(schema.find(), "the fixture's first line names its schema version: -- schema: N");
        Map<String, Object> database = new HashMap<>(TestDatabase.fresh());
        DataSource dataSource = TestDataSources.of(database);
        Flyway.configure().dataSource(dataSource).target(schema.group(1)).load().migrate();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : fixture.split(";\\s*\n")) {
                if (!sql.lines().allMatch(line -> line.isBlank() || line.startsWith("--"))) {
                    statement.execute(sql);
                }
            }
        }

        // No job runs by itself: a read-back runs due work (a fixture's pending escalation step) at times it picks.
        database.put("scaling.scheduler.enabled", false);
        ReadBack readBack = READ_BACK.get(release);
        try (TestServer server = TestServer.dedicated(database)) {
            readBack.check().accept(server, server.api(readBack.apiKey()));
            // And it goes on working: a new incident beside the old ones.
            server.api(readBack.apiKey()).createIncident("After the upgrade from " + release);
        }
    }

    private static String resource(String name) throws IOException, URISyntaxException {
        return Files.readString(Path.of(UpgradeTest.class
                .getClassLoader()
                .getResource("upgrade/" + name)
                .toURI()));
    }

    /** 1.0.0: an organization, its admin's key, two users, two incidents and the cursor secret. */
    private static void readBack100(ApiClient api) {
        JsonNode list = api.get("/v1/incidents?limit=1").assertStatus(200).data();
        assertEquals(1, list.get("incidents").size());
        JsonNode newest = list.get("incidents").get(0);
        assertEquals("3f6d1c2a-0b1e-4c5d-8e9f-a1b2c3d4e5f2", newest.get("id").asText());
        assertEquals("Slow search", newest.get("title").asText());
        assertTrue(newest.get("description").isNull());
        assertEquals("low", newest.get("severity").asText());
        assertEquals("investigating", newest.get("status").asText());
        assertEquals("2026-01-08T14:00:00.000Z", newest.get("createdAt").asText());
        JsonNode next = api.get(
                        "/v1/incidents?limit=1&cursor=" + list.get("nextCursor").asText())
                .assertStatus(200)
                .data();
        JsonNode oldest = next.get("incidents").get(0);
        assertEquals("3f6d1c2a-0b1e-4c5d-8e9f-a1b2c3d4e5f1", oldest.get("id").asText());

        JsonNode incident = api.get("/v1/incidents/" + oldest.get("id").asText())
                .assertStatus(200)
                .data();
        assertEquals("Checkout errors", incident.get("title").asText());
        assertEquals(
                "HTTP 500 on /checkout since 09:12.",
                incident.get("description").asText());
        assertEquals("critical", incident.get("severity").asText());
        assertEquals("user_Upgrade100Mem01", incident.get("ownerId").asText());
        assertEquals("user_Upgrade100Adm01", incident.get("createdBy").asText());
        assertEquals("2026-01-07T09:15:00.123Z", incident.get("createdAt").asText());
        // The old incident takes part in what later releases added: its lifecycle goes on.
        api.patch("/v1/incidents/" + oldest.get("id").asText() + "/status", "{\"status\": \"identified\"}")
                .assertStatus(200);

        JsonNode users = api.get("/v1/users").assertStatus(200).data();
        assertEquals(
                List.of("ops@upgraded.example", "dev@upgraded.example"),
                users.findValuesAsText("email"),
                users::toString);
    }

    /**
     * 1.4.0: everything its API could make (see the fixture's header). First every GET answers what 1.4.0 answered
     * for it (1.4.0.answers.json, recorded from the 1.4.0 server on these rows); then the old objects take part in
     * new work: the pending escalation step pages, the old incident is acknowledged, the old endpoint gets the
     * event signed with its old secret, the old ingest token opens an incident, the old keys still authenticate.
     */
    private static void readBack140(TestServer server, ApiClient api) {
        // After the fixture's last write and before its escalation step is due; the pending invitation is valid.
        server.clock().pin(Instant.parse("2026-12-07T17:40:00Z"));
        JsonNode answers;
        try {
            answers = JSON.readTree(resource("1.4.0.answers.json"));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        answers.fields()
                .forEachRemaining(answer -> assertAnswers(
                        answer.getKey(),
                        answer.getValue(),
                        api.get(answer.getKey()).assertStatus(200).data()));

        // The keys 1.4.0 stored: the member's works, the revoked one stays revoked.
        api.withKey("scl_live_ct4VdBcjuA1Moam0ejfk57lfAbhONOVh")
                .get("/v1/users")
                .assertStatus(200);
        api.withKey("scl_live_59TSUsngCBXZsq28DAsZmj9S0Qnxybll")
                .get("/v1/users")
                .assertError(401, "not_authorized_error", "invalid_api_key");

        // The escalation step 1.4.0 scheduled runs when due: outside the working hours, level 2 pages the schedule's
        // on-call (the admin, as 1.4.0 resolved it for that instant).
        String paging = "/v1/incidents/aae1989b-afae-46a2-8696-22376aa4b9b2";
        new DueWork(server).runAt(Instant.parse("2026-12-07T17:58:38.979Z"));
        JsonNode escalated = api.get(paging).assertStatus(200).data();
        assertEquals(2, escalated.at("/escalation/level").asInt(), escalated::toString);
        JsonNode page = escalated.get("pages").get(1);
        assertEquals("user_laZDzriOEwLbCRQd", page.get("userId").asText());
        assertEquals(2, page.get("level").asInt());
        assertEquals("2026-12-07T17:58:38.979Z", page.get("pagedAt").asText());

        // The old endpoint, moved to a live receiver, gets the acknowledgement signed with the secret 1.4.0 issued.
        WireMockServer receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        try {
            receiver.stubFor(post(urlEqualTo("/scaling")).willReturn(ok()));
            String endpoint = "/v1/webhooks/endpoints/hook_xGEWWOR9hBspJTvw";
            api.put(
                            endpoint,
                            "{\"url\": \"" + receiver.baseUrl() + "/scaling\", \"description\": \"Incident bridge\","
                                    + " \"eventTypes\": [\"incident.created\", \"incident.status_changed\","
                                    + " \"incident.acknowledged\"]}")
                    .assertStatus(200);
            api.post(paging + "/acknowledge", null).assertStatus(200);
            server.context().getBean(WebhookDispatcher.class).deliverDue();
            List<LoggedRequest> received = receiver.findAll(postRequestedFor(urlEqualTo("/scaling")));
            assertEquals(1, received.size());
            LoggedRequest delivery = received.get(0);
            assertEquals(
                    WebhookSigner.header(
                            List.of("whsec_6qXgg+zZkp8Firhn29H0HNLTpJ5BvqKp"),
                            delivery.getHeader("webhook-id"),
                            Long.parseLong(delivery.getHeader("webhook-timestamp")),
                            delivery.getBodyAsString()),
                    delivery.getHeader("webhook-signature"));
            JsonNode event = JSON.readTree(delivery.getBodyAsString());
            assertEquals("incident.acknowledged", event.get("type").asText());
            assertEquals(
                    "aae1989b-afae-46a2-8696-22376aa4b9b2",
                    event.at("/data/incident/id").asText());
            assertEquals(
                    10,
                    api.get(endpoint + "/deliveries")
                            .assertStatus(200)
                            .data()
                            .get("deliveries")
                            .size());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            receiver.stop();
        }
        JsonNode acknowledged = api.get(paging).assertStatus(200).data();
        assertEquals("user_laZDzriOEwLbCRQd", acknowledged.get("acknowledgedBy").asText());
        assertEquals("acknowledged", acknowledged.at("/escalation/state").asText());

        // The ingest token 1.4.0 issued still ingests, routed by the old integration's policy and selectors.
        JsonNode taken = api.withKey("scl_int_ewUNKzksBT8KQAwOU056667wrPfeDOAf")
                .post(
                        "/v1/alerts/generic",
                        "{\"title\": \"Payments 5xx\", \"severity\": \"critical\", \"dedupKey\": \"5xx\","
                                + " \"attributes\": {\"service\": \"payments\"}}")
                .assertStatus(202)
                .data();
        JsonNode alert = taken.get("alerts").get(0);
        assertEquals("rp_2Nts3iSdNzhcFQ3D", alert.get("routingPolicyId").asText());
        assertEquals("incident", alert.get("outcome").asText());
        JsonNode opened = api.get("/v1/incidents/" + alert.get("incidentId").asText())
                .assertStatus(200)
                .data();
        assertEquals("Payments 5xx", opened.get("title").asText());
        assertEquals(
                4,
                api.get("/v1/integrations/inbound/int_6yPRuz8sFOoDeUDV/alerts")
                        .assertStatus(200)
                        .data()
                        .get("alerts")
                        .size());
    }

    /**
     * Everything {@code expected} (what the old release answered) holds, {@code actual} holds too: same values,
     * arrays of the same length in the same order. Fields this build added are allowed (additive changes only).
     */
    private static void assertAnswers(String where, JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            assertTrue(actual != null && actual.isObject(), () -> where + ": " + actual);
            expected.fields().forEachRemaining(field -> {
                String inner = where + "." + field.getKey();
                assertTrue(actual.has(field.getKey()), () -> inner + " is missing: " + actual);
                assertAnswers(inner, field.getValue(), actual.get(field.getKey()));
            });
        } else if (expected.isArray()) {
            assertTrue(actual != null && actual.isArray(), () -> where + ": " + actual);
            assertEquals(expected.size(), actual.size(), () -> where + ": " + actual);
            for (int i = 0; i < expected.size(); i++) {
                assertAnswers(where + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
