package cloud.scaling.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.pager.PagerEvent;
import cloud.scaling.support.AllAtOnce;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import cloud.scaling.support.WebhookEndpointFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound webhooks end to end, against a real HTTP receiver (WireMock): events queued with the change, signed as
 * Standard Webhooks specifies (checked here with an HMAC computed independently), retried along the backoff as the
 * application clock moves, replayed, scoped to the organization, and with the secret shown only once. The test
 * runs the dispatcher at the pinned time (the server's own dispatch loop is off here; WebhookDispatchTest runs it).
 */
class WebhookDeliveryTest {

    private static final TestServer server = TestServer.dedicated(Map.of("scaling.scheduler.enabled", false));
    private static final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each test starts a day after the previous one's base, so pinned time only ever moves forward. */
    private static Instant nextBase =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(1));

    private Instant base;
    private final Provisioned org = server.newOrganization();
    private final ApiClient api = server.api(org.apiKey());
    private final String path = "/hook-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        receiver.start();
    }

    @AfterAll
    static void stop() {
        server.clock().release();
        receiver.stop();
        server.close();
    }

    @BeforeEach
    void pinTime() {
        base = nextBase;
        nextBase = nextBase.plus(Duration.ofDays(1));
        server.clock().pin(base);
    }

    @Test
    void aNewIncidentReachesTheReceiverSignedWithTheEndpointsSecret() throws Exception {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        JsonNode endpoint = register("incident.created");
        String secret = endpoint.get("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);

        String incidentId = api.createIncident("Checkout down");
        api.post("/v1/incidents/" + incidentId + "/acknowledge", null).assertStatus(200);
        JsonNode queued = deliveries(endpoint).get(0);
        assertEquals("pending", queued.get("status").asText());
        assertEquals(0, queued.get("attempts").size());
        assertEquals(1, deliveries(endpoint).size(), "the endpoint is subscribed to incident.created only");
        assertEquals(0, received().size(), "nothing is sent before the job runs");

        Instant sentAt = base.plusSeconds(10);
        runDueWorkAt(sentAt);

        List<LoggedRequest> requests = received();
        assertEquals(1, requests.size());
        LoggedRequest request = requests.get(0);
        assertEquals(queued.get("id").asText(), request.getHeader("webhook-id"));
        assertEquals(Long.toString(sentAt.getEpochSecond()), request.getHeader("webhook-timestamp"));
        assertEquals("application/json", request.getHeader("Content-Type"));
        assertSignedWith(secret, request);
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertEquals("incident.created", body.get("type").asText());
        assertEquals(
                base.toString().replace("Z", ".000Z"), body.get("timestamp").asText());
        assertEquals(incidentId, body.at("/data/incident/id").asText());
        assertEquals("Checkout down", body.at("/data/incident/title").asText());
        assertEquals("investigating", body.at("/data/incident/status").asText());
        assertTrue(
                body.at("/data/incident/acknowledgedBy").isMissingNode()
                        || body.at("/data/incident/acknowledgedBy").isNull(),
                "the incident as it was when created");
        assertEquals(org.userId(), body.at("/data/actorId").asText());

        JsonNode delivered = deliveries(endpoint).get(0);
        assertEquals("delivered", delivered.get("status").asText());
        assertTrue(delivered.get("nextAttemptAt").isNull());
        assertEquals(200, delivered.at("/attempts/0/responseStatus").asInt());
        assertEquals(
                sentAt.toString().replace("Z", ".000Z"),
                delivered.at("/attempts/0/attemptedAt").asText());
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheBackoffAndBothAttemptsAreLogged() {
        receiver.stubFor(post(urlEqualTo(path))
                .inScenario(path)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("recovered"));
        receiver.stubFor(post(urlEqualTo(path))
                .inScenario(path)
                .whenScenarioStateIs("recovered")
                .willReturn(ok()));
        JsonNode endpoint = register();
        api.createIncident("Flaky receiver");

        runDueWorkAt(base.plusSeconds(1));
        JsonNode failedOnce = deliveries(endpoint).get(0);
        assertEquals("pending", failedOnce.get("status").asText());
        assertEquals(500, failedOnce.at("/attempts/0/responseStatus").asInt());
        assertEquals(
                base.plusSeconds(31).toString().replace("Z", ".000Z"),
                failedOnce.get("nextAttemptAt").asText());

        runDueWorkAt(base.plusSeconds(20));
        assertEquals(1, received().size(), "not retried before the backoff is over");

        runDueWorkAt(base.plusSeconds(32));
        List<LoggedRequest> requests = received();
        assertEquals(2, requests.size());
        assertEquals(
                requests.get(0).getHeader("webhook-id"),
                requests.get(1).getHeader("webhook-id"),
                "a retry is the same message");
        assertEquals(requests.get(0).getBodyAsString(), requests.get(1).getBodyAsString());
        JsonNode delivered = deliveries(endpoint).get(0);
        assertEquals("delivered", delivered.get("status").asText());
        assertEquals(List.of(500, 200), statuses(delivered));
    }

    @Test
    void aDeliveryClaimedByAServerThatDiedIsSentOnceItsLeaseEnds() {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        JsonNode endpoint = register();
        api.createIncident("Claimed by the dead");
        String id = deliveries(endpoint).get(0).get("id").asText();
        // The claim another server made just before it was killed: it will never settle it. A third server that read
        // the row as due at the same moment claims it too, and wins nothing.
        WebhookDeliveryRow due = server.context()
                .getBean(WebhookDeliveryRepository.class)
                .findById(id)
                .orElseThrow();
        WebhookClaims claims = server.context().getBean(WebhookClaims.class);
        assertEquals(List.of(due), claims.claim(List.of(due), base.plus(WebhookDispatcher.LEASE)));
        assertEquals(List.of(), claims.claim(List.of(due), base.plus(WebhookDispatcher.LEASE)));

        runDueWorkAt(base.plus(WebhookDispatcher.LEASE).minusSeconds(1));
        assertEquals(0, received().size(), "a live claim is left alone");

        runDueWorkAt(base.plus(WebhookDispatcher.LEASE));
        assertEquals(1, received().size());
        assertEquals(id, received().get(0).getHeader("webhook-id"));
        assertEquals("delivered", deliveries(endpoint).get(0).get("status").asText());
    }

    @Test
    void aReplayIsAFreshAttemptOfTheSameMessage() {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        JsonNode endpoint = register();
        api.createIncident("Replayed");
        runDueWorkAt(base.plusSeconds(1));
        JsonNode delivery = deliveries(endpoint).get(0);

        JsonNode replayed = api.post(
                        "/v1/webhooks/endpoints/" + endpoint.get("id").asText() + "/deliveries/"
                                + delivery.get("id").asText() + "/replay",
                        null)
                .assertStatus(202)
                .data();
        assertEquals("pending", replayed.get("status").asText());
        runDueWorkAt(base.plusSeconds(10));

        List<LoggedRequest> requests = received();
        assertEquals(2, requests.size());
        assertEquals(delivery.get("id").asText(), requests.get(1).getHeader("webhook-id"));
        assertEquals(requests.get(0).getBodyAsString(), requests.get(1).getBodyAsString());
        assertNotEquals(
                requests.get(0).getHeader("webhook-timestamp"), requests.get(1).getHeader("webhook-timestamp"));
        assertEquals(List.of(200, 200), statuses(deliveries(endpoint).get(0)));
    }

    @Test
    void aDeadReceiverNeitherBlocksTheIncidentNorStopsTheScheduleUntilTheDeliveryFails() {
        JsonNode endpoint = registerAt("http://127.0.0.1:" + closedPort() + "/gone");
        api.createIncident("Nobody listens");

        Instant at = base.plusSeconds(1);
        runDueWorkAt(at);
        for (Duration delay : WebhookDispatcher.RETRY_DELAYS) {
            JsonNode pending = deliveries(endpoint).get(0);
            assertEquals("pending", pending.get("status").asText());
            at = at.plus(delay).plusSeconds(1);
            runDueWorkAt(at);
        }
        JsonNode failed = deliveries(endpoint).get(0);
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("nextAttemptAt").isNull());
        assertEquals(
                WebhookDispatcher.RETRY_DELAYS.size() + 1,
                failed.get("attempts").size());
        JsonNode attempt = failed.at("/attempts/0");
        assertTrue(attempt.get("responseStatus").isNull());
        assertFalse(attempt.get("error").asText().isBlank());
    }

    @Test
    void theSecretIsShownOnlyOnCreationAndRotationAndIsNotStoredInClearText() throws Exception {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        JsonNode endpoint = register();
        String id = endpoint.get("id").asText();
        String secret = endpoint.get("secret").asText();

        assertFalse(
                api.get("/v1/webhooks/endpoints/" + id).assertStatus(200).data().has("secret"));
        assertFalse(api.get("/v1/webhooks/endpoints")
                .assertStatus(200)
                .data()
                .get(0)
                .has("secret"));
        String stored =
                server.query("SELECT * FROM webhook_endpoints WHERE id = ?", id).toString();
        assertFalse(stored.contains(secret.substring(6)), "the secret is stored encrypted: " + stored);

        String rotated = api.post("/v1/webhooks/endpoints/" + id + "/secret", null)
                .assertStatus(200)
                .data()
                .get("secret")
                .asText();
        assertNotEquals(secret, rotated);
        api.createIncident("After rotation");
        runDueWorkAt(base.plusSeconds(1));
        assertSignedWith(rotated, received().get(0));
    }

    @Test
    void registrationRefusesWhatCannotBeSentTo() {
        api.post("/v1/webhooks/endpoints", "{\"url\": \"ftp://example.com/x\"}")
                .assertError(422, "validation_error", "invalid_url");
        api.post("/v1/webhooks/endpoints", "{\"url\": \"not a url\"}")
                .assertError(422, "validation_error", "invalid_url");
        api.uncheckedRequests("a null event type")
                .post("/v1/webhooks/endpoints", "{\"url\": \"https://x.example\", \"eventTypes\": [null]}")
                .assertError(422, "validation_error", "missing_field");
    }

    @Test
    void aDisabledEndpointReceivesNoNewEventsAndTheDeliveryLogPages() {
        JsonNode endpoint = registerAt("https://hooks.example.com/x");
        String id = endpoint.get("id").asText();
        for (int i = 0; i < 3; i++) {
            api.createIncident("Paged " + i);
            server.clock().pin(base.plusMillis(i + 1));
        }
        JsonNode first = api.get("/v1/webhooks/endpoints/" + id + "/deliveries?limit=2")
                .assertStatus(200)
                .data();
        assertEquals(2, first.get("deliveries").size());
        JsonNode second = api.get("/v1/webhooks/endpoints/" + id + "/deliveries?limit=2&cursor="
                        + first.get("nextCursor").asText())
                .assertStatus(200)
                .data();
        assertEquals(1, second.get("deliveries").size());
        assertTrue(second.get("nextCursor").isNull());

        api.put("/v1/webhooks/endpoints/" + id, "{\"url\": \"https://hooks.example.com/x\", \"enabled\": false}")
                .assertStatus(200);
        api.createIncident("Unheard");
        assertEquals(3, deliveries(endpoint).size());
    }

    @Test
    void pagingEventsAreDeliveredWithTheirFields() throws Exception {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        register("incident.paged");
        String incidentId = api.createIncident("Paged");
        server.context()
                .getBean(io.micronaut.context.event.ApplicationEventPublisher.class)
                .publishEvent(new PagerEvent.Paged(
                        org.orgId(),
                        UUID.fromString(incidentId),
                        "page_1",
                        org.userId(),
                        "email",
                        "escalation",
                        2,
                        base));
        runDueWorkAt(base.plusSeconds(1));

        List<LoggedRequest> requests = received();
        assertEquals(1, requests.size(), "only the paging event, to which the endpoint is subscribed");
        JsonNode body = JSON.readTree(requests.get(0).getBodyAsString());
        assertEquals("incident.paged", body.get("type").asText());
        assertEquals(incidentId, body.at("/data/incident/id").asText());
        assertEquals(org.userId(), body.at("/data/userId").asText());
        assertEquals(2, body.at("/data/level").asInt());
        assertEquals("email", body.at("/data/channel").asText());
    }

    @Test
    void oneIncidentsEventsAreNumberedInTheOrderTheyHappened() throws Exception {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        register();
        String first = api.createIncident("First");
        api.post("/v1/incidents/" + first + "/acknowledge", null).assertStatus(200);
        String second = api.createIncident("Second");
        api.post("/v1/incidents/" + first + "/updates", "{\"body\":\"Looking\",\"visibility\":\"internal\"}")
                .assertStatus(201);
        api.patch("/v1/incidents/" + first + "/status", "{\"status\":\"identified\"}")
                .assertStatus(200);
        runDueWorkAt(base.plusSeconds(1));

        SortedMap<Long, String> firstsEvents = new TreeMap<>();
        List<Long> secondsSequence = new ArrayList<>();
        for (LoggedRequest request : received()) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            long sequence = body.at("/data/sequence").asLong();
            if (body.at("/data/incident/id").asText().equals(first)) {
                assertEquals(null, firstsEvents.put(sequence, body.get("type").asText()), "taken twice: " + sequence);
            } else {
                secondsSequence.add(sequence);
            }
        }
        assertEquals(
                List.of(1L, 2L, 3L, 4L, 5L),
                List.copyOf(firstsEvents.keySet()),
                "one number per event, from 1: " + firstsEvents);
        assertEquals(
                List.of(
                        "incident.created",
                        "incident.acknowledged",
                        "incident.update_posted",
                        "incident.status_changed",
                        "incident.update_posted"), // the status change's own timeline entry
                List.copyOf(firstsEvents.values()),
                "in sequence order, the events come in the order they happened");
        assertEquals(List.of(1L), secondsSequence, "each incident counts its own events");
    }

    @Test
    void concurrentChangesOfOneIncidentTakeDistinctNumbers() throws Exception {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        register("incident.update_posted");
        String incidentId = api.createIncident("Busy");
        int updates = 12;
        AllAtOnce.send(
                updates,
                i -> api.post(
                                "/v1/incidents/" + incidentId + "/updates",
                                "{\"body\":\"Update " + i + "\",\"visibility\":\"internal\"}")
                        .assertStatus(201));
        runDueWorkAt(base.plusSeconds(1));

        List<Long> sequences = new ArrayList<>();
        for (LoggedRequest request : received()) {
            sequences.add(JSON.readTree(request.getBodyAsString())
                    .at("/data/sequence")
                    .asLong());
        }
        sequences.sort(null);
        List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= updates; n++) {
            expected.add(n);
        }
        assertEquals(expected, sequences, "no number taken twice, none skipped");
    }

    /** An endpoint at the receiver for these events (none: every event). */
    private JsonNode register(String... eventTypes) {
        return registerAt(receiver.baseUrl() + path, eventTypes);
    }

    private JsonNode registerAt(String url, String... eventTypes) {
        return WebhookEndpointFixture.at(url).events(eventTypes).create(api);
    }

    private JsonNode deliveries(JsonNode endpoint) {
        return api.get("/v1/webhooks/endpoints/" + endpoint.get("id").asText() + "/deliveries")
                .assertStatus(200)
                .data()
                .get("deliveries");
    }

    private List<LoggedRequest> received() {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static List<Integer> statuses(JsonNode delivery) {
        List<Integer> statuses = new ArrayList<>();
        delivery.get("attempts")
                .forEach(attempt -> statuses.add(attempt.get("responseStatus").asInt()));
        return statuses;
    }

    private static void runDueWorkAt(Instant at) {
        server.clock().pin(at);
        server.context().getBean(WebhookDispatcher.class).deliverDue();
    }

    /** A receiver holding {@code secret} accepts the request (see {@link Receiver}). */
    private static void assertSignedWith(String secret, LoggedRequest request) {
        assertTrue(new Receiver(secret).accepts(request), request.getHeader("webhook-signature"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
