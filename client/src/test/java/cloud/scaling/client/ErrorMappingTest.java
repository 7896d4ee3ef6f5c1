package cloud.scaling.client;

import static cloud.scaling.client.WireMockScaling.error;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.client.api.IncidentsApi;
import cloud.scaling.client.model.IncidentCreate;
import cloud.scaling.client.model.Severity;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

    private static final UUID ID = UUID.fromString("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    private static final String REQUEST_ID = "6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b";

    @RegisterExtension
    static WireMockExtension server = WireMockScaling.server();

    private final ScalingClient client = WireMockScaling.client(server, new RecordingSleeper());

    @ParameterizedTest
    @CsvSource({
        "400, invalid_request_error, invalid_owner_id,             ScalingApiException",
        "401, not_authorized_error,  invalid_api_key,              UnauthorizedException",
        "404, invalid_request_error, not_found,                    NotFoundException",
        "409, invalid_request_error, name_conflict,                ScalingApiException",
        "413, invalid_request_error, payload_too_large,            ScalingApiException",
        "415, invalid_request_error, unsupported_media_type,       ScalingApiException",
        "422, validation_error,      too_long,                     ValidationException",
        "429, rate_limit_error,      rate_limited,                 RateLimitedException",
        "500, internal_error,        internal_error,               ScalingApiException",
        "503, internal_error,        database_unavailable,         ScalingApiException",
    })
    void anErrorBodyBecomesTheMatchingExceptionWithAllItsFields(
            int status, String type, String code, String exceptionType) {
        server.stubFor(any(anyUrl()).willReturn(error(status, type, code, REQUEST_ID, "What went wrong.")));

        ScalingApiException e =
                assertThrows(ScalingApiException.class, () -> client.incidents().get(ID));

        assertEquals(exceptionType, e.getClass().getSimpleName());
        assertEquals(status, e.statusCode());
        assertEquals(type, e.type());
        assertEquals(code, e.code());
        assertEquals(REQUEST_ID, e.requestId());
        assertEquals("What went wrong.", e.getMessage());
        assertTrue(e.toString().contains(code) && e.toString().contains(REQUEST_ID), e.toString());
    }

    @Test
    void aBodyThatIsNotAScalingErrorStillGivesTheStatusAndTheHeadersRequestId() {
        server.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/html")
                        .withHeader("X-Request-Id", REQUEST_ID)
                        .withBody("<html>Not here</html>")));

        NotFoundException e =
                assertThrows(NotFoundException.class, () -> client.incidents().get(ID));

        assertEquals(404, e.statusCode());
        assertNull(e.type());
        assertNull(e.code());
        assertEquals(REQUEST_ID, e.requestId());
        assertEquals("HTTP 404: unexpected error response", e.getMessage());
    }

    @Test
    void anEmptyErrorBodyStillGivesTheStatus() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)));

        ScalingApiException e = assertThrows(
                ScalingApiException.class,
                () -> client.incidents().create(new IncidentCreate().title("t").severity(Severity.LOW)));

        assertEquals(400, e.statusCode());
        assertNull(e.code());
        assertNull(e.requestId());
    }

    @Test
    void theGeneratedApiThrowsTheSameTypedErrors() {
        server.stubFor(any(anyUrl())
                .willReturn(error(
                        401,
                        "not_authorized_error",
                        "missing_authorization_header",
                        REQUEST_ID,
                        "Send your API key.")));

        UnauthorizedException e = assertThrows(
                UnauthorizedException.class,
                () -> client.api(IncidentsApi::new).listIncidents(null, null, null, null, null, null));

        assertEquals("missing_authorization_header", e.code());
    }

    @Test
    void anUnreachableServerIsATransportErrorAndIsNotRetried() throws IOException {
        RecordingSleeper sleeper = new RecordingSleeper();
        String closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = "http://localhost:" + socket.getLocalPort();
        }
        ScalingClient unreachable =
                WireMockScaling.builder(server, sleeper).baseUrl(closedPort).build();

        ScalingTransportException e = assertThrows(
                ScalingTransportException.class, () -> unreachable.incidents().get(ID));

        assertFalse(e.isTimeout());
        assertTrue(e.getMessage().startsWith("GET " + closedPort + "/v1/incidents/" + ID), e.getMessage());
        assertSame(0, sleeper.sleeps().size());
    }
}
