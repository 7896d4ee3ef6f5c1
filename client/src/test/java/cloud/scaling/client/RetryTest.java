package cloud.scaling.client;

import static cloud.scaling.client.WireMockScaling.answerInTurn;
import static cloud.scaling.client.WireMockScaling.data;
import static cloud.scaling.client.WireMockScaling.error;
import static cloud.scaling.client.WireMockScaling.incident;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.client.model.IncidentCreate;
import cloud.scaling.client.model.IncidentDetail;
import cloud.scaling.client.model.Severity;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry policy over HTTP, as the Terraform provider has it. The sleeper records instead of waiting and the
 * jitter always draws its ceiling, so each wait is exact and the tests take milliseconds.
 */
class RetryTest {

    private static final String ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
    private static final String PATH = "/v1/incidents/" + ID;

    @RegisterExtension
    static WireMockExtension server = WireMockScaling.server();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final ScalingClient client = WireMockScaling.client(server, sleeper);

    @Test
    void aRateLimitIsRetriedAfterTheSecondsRetryAfterNames() {
        answerInTurn(server, () -> get(PATH), rateLimited("7"), data(200, incident(ID, "Back")));

        assertEquals("Back", getIncident().getTitle());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps());
    }

    @Test
    void retryAfterIsObeyedForAtMostSixtySeconds() {
        answerInTurn(server, () -> get(PATH), rateLimited("120"), data(200, incident(ID, "Back")));

        getIncident();

        assertEquals(List.of(Duration.ofSeconds(60)), sleeper.sleeps());
    }

    @Test
    void aRetryAfterThatIsNotWholeSecondsFallsBackToTheBackoff() {
        answerInTurn(
                server, () -> get(PATH), rateLimited("Wed, 21 Oct 2026 07:28:00 GMT"), data(200, incident(ID, "x")));

        getIncident();

        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.sleeps());
    }

    @Test
    void retryAfterCountsOnlyOnARateLimit() {
        answerInTurn(
                server,
                () -> get(PATH),
                error(503, "internal_error", "database_unavailable", ID, "Down.")
                        .withHeader("Retry-After", "7"),
                data(200, incident(ID, "x")));

        getIncident();

        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.sleeps());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void aPassingFailureIsRetriedWithAGrowingBackoffUntilItPasses(int status) {
        answerInTurn(
                server,
                () -> get(PATH),
                failure(status),
                failure(status),
                failure(status),
                data(200, incident(ID, "Finally")));

        assertEquals("Finally", getIncident().getTitle());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.sleeps());
        server.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void afterFourAttemptsTheLastAnswerIsTheError() {
        answerInTurn(
                server,
                () -> get(PATH),
                failure(502),
                failure(503),
                failure(504),
                failure(429),
                data(200, incident(ID, "Too late")));

        RateLimitedException e = assertThrows(RateLimitedException.class, this::getIncident);

        assertEquals(429, e.statusCode());
        assertEquals(3, sleeper.sleeps().size());
        server.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 409, 422, 500})
    void otherErrorsAreNeverRetried(int status) {
        answerInTurn(server, () -> get(PATH), failure(status), data(200, incident(ID, "Would have passed")));

        ScalingApiException e = assertThrows(ScalingApiException.class, this::getIncident);

        assertEquals(status, e.statusCode());
        assertEquals(List.of(), sleeper.sleeps());
        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void everyRetryOfAPostReusesItsIdempotencyKey() {
        answerInTurn(server, () -> post("/v1/incidents"), failure(503), failure(429), data(201, incident(ID, "Once")));

        client.incidents().create(new IncidentCreate().title("Once").severity(Severity.HIGH));

        List<String> keys = server.getAllServeEvents().stream()
                .map(event -> event.getRequest().getHeader("Idempotency-Key"))
                .distinct()
                .toList();
        assertEquals(3, server.getAllServeEvents().size());
        assertEquals(1, keys.size());
        assertTrue(keys.get(0).matches("[0-9a-f-]{36}"), keys.get(0));
    }

    @Test
    void aKeyStillInFlightIsRetriedWithTheSameKeyUntilTheFirstAttemptsAnswerIsReplayed() {
        answerInTurn(
                server,
                () -> post("/v1/incidents"),
                error(409, "invalid_request_error", RetryPolicy.KEY_IN_USE, ID, "In flight."),
                error(409, "invalid_request_error", RetryPolicy.KEY_IN_USE, ID, "In flight."),
                data(201, incident(ID, "Once")));

        client.incidents().create(new IncidentCreate().title("Once").severity(Severity.HIGH));

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.sleeps());
        assertEquals(
                1,
                server.getAllServeEvents().stream()
                        .map(event -> event.getRequest().getHeader("Idempotency-Key"))
                        .distinct()
                        .count());
    }

    @Test
    void aConflictOfAnyOtherKindIsFinal() {
        answerInTurn(
                server,
                () -> post("/v1/incidents"),
                error(409, "invalid_request_error", "name_conflict", ID, "Taken."),
                data(201, incident(ID, "No")));

        ScalingApiException e = assertThrows(
                ScalingApiException.class,
                () -> client.incidents().create(new IncidentCreate().title("No").severity(Severity.HIGH)));

        assertEquals("name_conflict", e.code());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void aTimeoutIsRetried() {
        // A generous timeout for the quick answer, so that a loaded CI machine cannot make it time out too.
        ScalingClient impatient = WireMockScaling.builder(server, sleeper)
                .timeout(Duration.ofSeconds(2))
                .build();
        answerInTurn(
                server,
                () -> get(PATH),
                data(200, incident(ID, "Slow")).withFixedDelay(6_000),
                data(200, incident(ID, "Quick")));

        assertEquals("Quick", impatient.incidents().get(UUID.fromString(ID)).getTitle());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.sleeps());
    }

    @Test
    void aServerThatNeverAnswersInTimeIsATimeoutAfterFourAttempts() {
        ScalingClient impatient = WireMockScaling.builder(server, sleeper)
                .timeout(Duration.ofMillis(200))
                .build();
        server.stubFor(get(PATH).willReturn(data(200, incident(ID, "Slow")).withFixedDelay(2_000)));

        ScalingTransportException e = assertThrows(
                ScalingTransportException.class, () -> impatient.incidents().get(UUID.fromString(ID)));

        assertTrue(e.isTimeout());
        assertEquals(3, sleeper.sleeps().size());
        server.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
    }

    private IncidentDetail getIncident() {
        return client.incidents().get(UUID.fromString(ID));
    }

    private static ResponseDefinitionBuilder rateLimited(String retryAfter) {
        return failure(429).withHeader("Retry-After", retryAfter);
    }

    private static ResponseDefinitionBuilder failure(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"statusCode\":" + status
                        + ",\"type\":\"t\",\"code\":\"c\",\"requestId\":\"r\",\"message\":\"m\"}");
    }
}
