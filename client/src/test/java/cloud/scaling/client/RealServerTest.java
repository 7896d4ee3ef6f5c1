package cloud.scaling.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.scaling.client.api.MetaApi;
import cloud.scaling.client.model.HealthStatus;
import cloud.scaling.client.model.Incident;
import cloud.scaling.client.model.IncidentCreate;
import cloud.scaling.client.model.IncidentDetail;
import cloud.scaling.client.model.IncidentPage;
import cloud.scaling.client.model.IncidentStatus;
import cloud.scaling.client.model.Severity;
import cloud.scaling.support.ServerJar;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the real server over HTTP, end to end: what a consumer of the library would see. */
class RealServerTest {

    private static ServerJar server;
    private static ScalingClient client;

    @BeforeAll
    static void startServer() throws IOException, InterruptedException {
        server = ServerJar.onFreshDatabase(false).start();
        client = ScalingClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.uri().toString())
                .build();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void createThenGetReturnsTheSameIncident() {
        Incident created = client.incidents()
                .create(new IncidentCreate()
                        .title("Payment service latency spike")
                        .description("P99 latency above 2s for the past 10 minutes.")
                        .severity(Severity.HIGH));

        assertEquals(IncidentStatus.INVESTIGATING, created.getStatus());
        assertNotNull(created.getCreatedBy());
        assertNull(created.getOwnerId());
        assertEquals(List.of(), created.getAffectedComponents());
        IncidentDetail fetched = client.incidents().get(created.getId());
        assertEquals(created.getId(), fetched.getId());
        assertEquals(created.getTitle(), fetched.getTitle());
        assertEquals(created.getCreatedAt(), fetched.getCreatedAt());
        assertEquals(
                List.of(IncidentStatus.INVESTIGATING),
                fetched.getStatusHistory().stream()
                        .map(entry -> entry.getStatus())
                        .toList());
    }

    @Test
    void listFollowsTheServersCursorsThroughEveryPage() {
        // A severity no other test uses, so this test sees exactly its own incidents.
        List<String> titles = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> client.incidents()
                        .create(new IncidentCreate().title("Paged " + i).severity(Severity.CRITICAL))
                        .getTitle())
                .toList();
        IncidentFilter critical =
                IncidentFilter.ALL.withSeverity(Severity.CRITICAL).withPageSize(2);

        List<Incident> listed = client.incidents().list(critical).toList();

        // Incidents created within the same millisecond have no defined order, so compare contents and order apart.
        assertEquals(titles, listed.stream().map(Incident::getTitle).sorted().toList());
        assertEquals(
                listed.stream()
                        .map(Incident::getCreatedAt)
                        .sorted(Comparator.reverseOrder())
                        .toList(),
                listed.stream().map(Incident::getCreatedAt).toList());
        IncidentPage first = client.incidents().page(critical, null);
        IncidentPage second = client.incidents().page(critical, first.getNextCursor());
        IncidentPage third = client.incidents().page(critical, second.getNextCursor());
        assertEquals(
                List.of(2, 2, 1),
                List.of(
                        first.getIncidents().size(),
                        second.getIncidents().size(),
                        third.getIncidents().size()));
        assertNull(third.getNextCursor());
    }

    @Test
    void anIncidentThatDoesNotExistIsNotFound() {
        UUID unknown = UUID.randomUUID();

        NotFoundException e =
                assertThrows(NotFoundException.class, () -> client.incidents().get(unknown));

        assertEquals("not_found", e.code());
        assertEquals("invalid_request_error", e.type());
        assertNotNull(UUID.fromString(e.requestId()));
    }

    @Test
    void aKeyTheServerDoesNotKnowIsUnauthorized() {
        ScalingClient stranger = ScalingClient.builder()
                .apiKey("scl_live_00000000000000000000000000000000")
                .baseUrl(server.uri().toString())
                .build();

        UnauthorizedException e = assertThrows(
                UnauthorizedException.class,
                () -> stranger.incidents().list(IncidentFilter.ALL).findFirst());

        assertEquals("invalid_api_key", e.code());
        assertEquals("not_authorized_error", e.type());
    }

    @Test
    void aTooLongTitleIsAValidationError() {
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> client.incidents()
                        .create(new IncidentCreate().title("x".repeat(101)).severity(Severity.LOW)));

        assertEquals("too_long", e.code());
    }

    @Test
    void theGeneratedApiReachesOperationsWithoutAConvenience() {
        assertEquals(HealthStatus.UP, client.api(MetaApi::new).getHealth().getStatus());
    }
}
