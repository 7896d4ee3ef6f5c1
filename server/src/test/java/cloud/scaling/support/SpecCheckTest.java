package cloud.scaling.support;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The check every server test's exchanges pass: shown to refuse each kind of fault, on exchanges made by hand. */
class SpecCheckTest {

    private static final String REQUEST_ID = UUID.randomUUID().toString();
    private static final Map<String, List<String>> BEARER = Map.of("Authorization", List.of("Bearer scl_live_x"));
    private static final String NOT_FOUND = """
            {"statusCode": 404, "type": "invalid_request_error", "code": "not_found", "requestId": "%s",
             "message": "No such incident."}""".formatted(REQUEST_ID);

    @Test
    void aDocumentedExchangePasses() {
        SpecCheck.INSTANCE.check(get("/v1/incidents/" + UUID.randomUUID(), null), notFound(NOT_FOUND));
        SpecCheck.INSTANCE.check(
                new ExchangeCheck.Sent("GET", "/health", Map.of(), null, null),
                answer(200, "application/json", "{\"status\": \"UP\"}", REQUEST_ID));
    }

    @Test
    void anAnswerOffTheSpecFailsNamingTheFault() {
        assertFault(
                "X-Request-Id",
                get("/v1/incidents/" + UUID.randomUUID(), null),
                answer(404, "application/json", NOT_FOUND, null));
        assertFault(
                "not allowed by the schema",
                get("/v1/incidents/" + UUID.randomUUID(), null),
                notFound(NOT_FOUND.replace("\"message\"", "\"surprise\": 1, \"message\"")));
        assertFault(
                "409 not defined",
                get("/v1/incidents/" + UUID.randomUUID(), null),
                answer(409, "application/json", NOT_FOUND, REQUEST_ID));
    }

    @Test
    void aRequestOffTheSpecFailsUnlessTheTestSaysSo() {
        ApiResponse answer = notFound(NOT_FOUND);
        assertFault("no operation of the spec matches", get("/v1/nope", null), answer);
        SpecCheck.INSTANCE.check(get("/v1/nope", "an unknown route"), answer);
        assertFault(
                "validation.request.security",
                new ExchangeCheck.Sent("GET", "/v1/incidents", Map.of(), null, null),
                answer);
    }

    @Test
    void aRequestThatBreaksTheSpecOnPurposeStillHasItsAnswerChecked() {
        ExchangeCheck.Sent broken = get("/v1/incidents?limit=101", "limit over 100");
        SpecCheck.INSTANCE.check(broken, answer(422, "application/json", """
                {"statusCode": 422, "type": "validation_error", "code": "out_of_range", "requestId": "%s",
                 "message": "limit: must be at most 100."}""".formatted(REQUEST_ID), REQUEST_ID));
        assertFault("does not repeat the HTTP status", broken, answer(422, "application/json", NOT_FOUND, REQUEST_ID));
    }

    private static void assertFault(String named, ExchangeCheck.Sent request, ApiResponse answer) {
        AssertionError fault = assertThrows(AssertionError.class, () -> SpecCheck.INSTANCE.check(request, answer));
        assertTrue(fault.getMessage().contains(named), fault.getMessage());
    }

    private static ExchangeCheck.Sent get(String target, String uncheckedBecause) {
        return new ExchangeCheck.Sent("GET", target, BEARER, null, uncheckedBecause);
    }

    private static ApiResponse notFound(String body) {
        return answer(404, "application/json", body, REQUEST_ID);
    }

    private static ApiResponse answer(int status, String contentType, String body, String requestId) {
        Map<String, List<String>> headers = requestId == null
                ? Map.of("Content-Type", List.of(contentType))
                : Map.of("Content-Type", List.of(contentType), "X-Request-Id", List.of(requestId));
        return new ApiResponse(status, HttpHeaders.of(headers, (name, value) -> true), body);
    }
}
