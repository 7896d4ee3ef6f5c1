package cloud.scaling.client;

import static cloud.scaling.client.WireMockScaling.API_KEY;
import static cloud.scaling.client.WireMockScaling.data;
import static cloud.scaling.client.WireMockScaling.incident;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.scaling.client.api.IncidentsApi;
import cloud.scaling.client.model.IncidentCreate;
import cloud.scaling.client.model.Severity;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransportHeadersTest {

    private static final String ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @RegisterExtension
    static WireMockExtension server = WireMockScaling.server();

    private final ScalingClient client = WireMockScaling.client(server, new RecordingSleeper());

    @Test
    void everyRequestCarriesTheKeyAndNamesTheLibraryWithItsBuildVersion() {
        server.stubFor(get("/v1/incidents/" + ID).willReturn(data(200, incident(ID, "t"))));

        client.incidents().get(UUID.fromString(ID));

        server.verify(getRequestedFor(urlPathEqualTo("/v1/incidents/" + ID))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader(
                        "User-Agent",
                        equalTo("scaling-java/" + System.getProperty("project.version") + " scaling-api/"
                                + SpecVersionTest.specInfoVersion()))
                .withHeader("Idempotency-Key", absent()));
    }

    @Test
    void everyPostCarriesAnIdempotencyKeyOfItsOwn() {
        server.stubFor(post("/v1/incidents").willReturn(data(201, incident(ID, "t"))));

        client.incidents().create(new IncidentCreate().title("First").severity(Severity.HIGH));
        client.incidents().create(new IncidentCreate().title("Second").severity(Severity.LOW));

        server.verify(
                2,
                postRequestedFor(urlPathEqualTo("/v1/incidents"))
                        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withHeader("Idempotency-Key", matching(UUID_PATTERN)));
        server.verify(postRequestedFor(urlPathEqualTo("/v1/incidents"))
                .withRequestBody(equalToJson("{\"title\":\"Second\",\"severity\":\"low\"}")));
        var keys = server.getAllServeEvents().stream()
                .map(event -> event.getRequest().getHeader("Idempotency-Key"))
                .toList();
        assertNotEquals(keys.get(0), keys.get(1));
    }

    @Test
    void anIdempotencyKeyTheCallerChoseIsKept() {
        server.stubFor(post("/v1/incidents").willReturn(data(201, incident(ID, "t"))));

        client.api(IncidentsApi::new)
                .createIncident(new IncidentCreate().title("t").severity(Severity.HIGH), "my-own-key");

        server.verify(
                postRequestedFor(urlPathEqualTo("/v1/incidents")).withHeader("Idempotency-Key", equalTo("my-own-key")));
    }

    @Test
    void aTrailingSlashOnTheBaseUrlDoesNotDoubleIntoThePath() {
        server.stubFor(get("/v1/incidents/" + ID).willReturn(data(200, incident(ID, "t"))));
        ScalingClient slashed = WireMockScaling.builder(server, new RecordingSleeper())
                .baseUrl(server.baseUrl() + "/")
                .build();

        assertEquals("t", slashed.incidents().get(UUID.fromString(ID)).getTitle());
    }

    @Test
    void aClientWithoutKeyIsRefusedBeforeAnyRequest() {
        assertThrows(
                IllegalStateException.class,
                () -> ScalingClient.builder().baseUrl(server.baseUrl()).build());
    }
}
