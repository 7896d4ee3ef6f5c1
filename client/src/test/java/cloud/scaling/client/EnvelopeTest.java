package cloud.scaling.client;

import static cloud.scaling.client.WireMockScaling.data;
import static cloud.scaling.client.WireMockScaling.incident;
import static cloud.scaling.client.WireMockScaling.json;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloud.scaling.client.api.MetaApi;
import cloud.scaling.client.model.AffectedComponent;
import cloud.scaling.client.model.HealthStatus;
import cloud.scaling.client.model.Incident;
import cloud.scaling.client.model.IncidentCreate;
import cloud.scaling.client.model.IncidentDetail;
import cloud.scaling.client.model.IncidentPage;
import cloud.scaling.client.model.IncidentStatus;
import cloud.scaling.client.model.Severity;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each operation reads its success body, envelope and all, into the generated models. */
class EnvelopeTest {

    private static final String ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

    @RegisterExtension
    static WireMockExtension server = WireMockScaling.server();

    private final ScalingClient client = WireMockScaling.client(server, new RecordingSleeper());

    @Test
    void createUnwrapsTheCreatedIncident() {
        server.stubFor(post("/v1/incidents").willReturn(data(201, incident(ID, "Payment service latency spike"))));

        Incident created = client.incidents()
                .create(new IncidentCreate()
                        .title("Payment service latency spike")
                        .description("P99 latency above 2s for the past 10 minutes.")
                        .severity(Severity.HIGH));

        assertIsTheExampleIncident(created, "Payment service latency spike");
    }

    @Test
    void getUnwrapsTheIncident() {
        server.stubFor(get("/v1/incidents/" + ID).willReturn(data(200, incident(ID, "Checkout errors"))));

        IncidentDetail detail = client.incidents().get(UUID.fromString(ID));
        assertEquals(UUID.fromString(ID), detail.getId());
        assertEquals("Checkout errors", detail.getTitle());
        assertEquals(IncidentStatus.INVESTIGATING, detail.getStatus());
        assertEquals(OffsetDateTime.parse("2026-04-07T10:00:00.000Z"), detail.getCreatedAt());
    }

    @Test
    void aPageUnwrapsItsIncidentsAndCursor() {
        server.stubFor(get(urlPathEqualTo("/v1/incidents"))
                .willReturn(data(200, "{\"incidents\":[" + incident(ID, "Only") + "],\"nextCursor\":\"abc\"}")));

        IncidentPage page = client.incidents().page(IncidentFilter.ALL, null);

        assertEquals("abc", page.getNextCursor());
        assertIsTheExampleIncident(page.getIncidents().get(0), "Only");
    }

    @Test
    void healthHasNoEnvelope() {
        server.stubFor(get("/health").willReturn(json(200, "{\"status\":\"UP\"}")));

        assertEquals(HealthStatus.UP, client.api(MetaApi::new).getHealth().getStatus());
    }

    private static void assertIsTheExampleIncident(Incident incident, String title) {
        assertEquals(UUID.fromString(ID), incident.getId());
        assertEquals("org_2abc123def456", incident.getOrgId());
        assertEquals(title, incident.getTitle());
        assertEquals("P99 latency above 2s for the past 10 minutes.", incident.getDescription());
        assertEquals(Severity.HIGH, incident.getSeverity());
        assertEquals(IncidentStatus.INVESTIGATING, incident.getStatus());
        assertNull(incident.getOwnerId());
        assertNull(incident.getEscalationPolicyId());
        assertEquals("user_2xyz789", incident.getCreatedBy());
        assertEquals(
                List.of(new AffectedComponent().id("cmp_2hq8xk3n9p").name("Payments API")),
                incident.getAffectedComponents());
        assertEquals(OffsetDateTime.parse("2026-04-07T10:00:00.000Z"), incident.getCreatedAt());
        assertEquals(OffsetDateTime.parse("2026-04-07T10:05:00.000Z"), incident.getUpdatedAt());
    }
}
