package cloud.scaling.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import cloud.scaling.support.WebhookEndpointFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Secret rotation with overlap, against a real receiver (WireMock): during the window a receiver still holding the
 * previous secret and one already given the new one both accept every delivery; after it, or once the window is
 * ended early, only the new one does. The window is two hours here ({@code scaling.webhooks.secret-overlap}).
 */
class WebhookRotationTest {

    private static final Duration OVERLAP = Duration.ofHours(2);
    private static final TestServer server =
            TestServer.dedicated(Map.of("scaling.scheduler.enabled", false, "scaling.webhooks.secret-overlap", "2h"));
    private static final WireMockServer receiver = Receiver.started();

    private final Provisioned org = server.newOrganization();
    private final ApiClient api = server.api(org.apiKey());
    private final WebhookDispatcher dispatcher = server.context().getBean(WebhookDispatcher.class);
    private final String path = "/hook-" + UUID.randomUUID();
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(1));

    @AfterAll
    static void stop() {
        server.clock().release();
        receiver.stop();
        server.close();
    }

    @Test
    void bothSecretsSignDuringTheWindowAndOnlyTheNewOneAfterIt() {
        server.clock().pin(base);
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        JsonNode endpoint =
                WebhookEndpointFixture.at(receiver.baseUrl() + path).events().create(api);
        String id = endpoint.get("id").asText();
        Receiver old = new Receiver(endpoint.get("secret").asText());
        assertTrue(noWindow(endpoint), endpoint.toString());

        JsonNode rotated = api.post("/v1/webhooks/endpoints/" + id + "/secret", null)
                .assertStatus(200)
                .data();
        Receiver renewed = new Receiver(rotated.get("secret").asText());
        assertEquals(
                iso(base.plus(OVERLAP)), rotated.get("previousSecretExpiresAt").asText());
        assertEquals(
                iso(base.plus(OVERLAP)),
                api.get("/v1/webhooks/endpoints/" + id)
                        .assertStatus(200)
                        .data()
                        .get("previousSecretExpiresAt")
                        .asText());

        LoggedRequest during = deliveredAt(base.plus(OVERLAP).minusSeconds(1));
        assertEquals(2, during.getHeader("webhook-signature").split(" ").length, during.getHeader("webhook-signature"));
        assertTrue(old.accepts(during), "a receiver not yet given the new secret accepts during the window");
        assertTrue(renewed.accepts(during), "one given the new secret accepts too");

        LoggedRequest after = deliveredAt(base.plus(OVERLAP));
        assertEquals(1, after.getHeader("webhook-signature").split(" ").length);
        assertFalse(old.accepts(after), "the window is over");
        assertTrue(renewed.accepts(after));
        assertTrue(noWindow(
                api.get("/v1/webhooks/endpoints/" + id).assertStatus(200).data()));
    }

    @Test
    void theWindowCanBeEndedEarly() {
        server.clock().pin(base);
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        String id = api.post(
                        "/v1/webhooks/endpoints",
                        "{\"url\": \"" + receiver.baseUrl() + path + "\", \"eventTypes\": []}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        Receiver old = new Receiver(api.post("/v1/webhooks/endpoints/" + id + "/secret", null)
                .assertStatus(200)
                .data()
                .get("secret")
                .asText());
        Receiver renewed = new Receiver(api.post("/v1/webhooks/endpoints/" + id + "/secret", null)
                .assertStatus(200)
                .data()
                .get("secret")
                .asText());
        assertTrue(old.accepts(deliveredAt(base.plusSeconds(1))), "a second rotation keeps the one rotated out");

        JsonNode retired = api.send("DELETE", "/v1/webhooks/endpoints/" + id + "/secret/previous", null, null)
                .assertStatus(200)
                .data();
        assertTrue(noWindow(retired), retired.toString());
        LoggedRequest after = deliveredAt(base.plusSeconds(2));
        assertFalse(old.accepts(after), "ended early");
        assertTrue(renewed.accepts(after));
        api.send("DELETE", "/v1/webhooks/endpoints/" + id + "/secret/previous", null, null)
                .assertStatus(200);
    }

    /** An event queued and delivered at {@code at}: the request the receiver got. */
    private LoggedRequest deliveredAt(Instant at) {
        server.clock().pin(at);
        api.createIncident("Rotation " + at);
        assertEquals(1, dispatcher.deliverDue());
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(path)));
        return requests.get(requests.size() - 1);
    }

    /** No previous secret signs: the field is null, or left out as optional fields without a value are. */
    private static boolean noWindow(JsonNode endpoint) {
        return endpoint.path("previousSecretExpiresAt").isNull()
                || endpoint.path("previousSecretExpiresAt").isMissingNode();
    }

    private static String iso(Instant instant) {
        return instant.toString().replace("Z", ".000Z");
    }
}
