package cloud.scaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * What the spec promises about the request itself: a body says it is JSON (415), an oversized request line or
 * header block has its own status (414, 431) and, like every error, a request id; parameters and the
 * Authorization header are read as strictly as bodies.
 */
class ProtocolStrictnessTest {

    private static final String BODY = "{\"title\":\"t\",\"severity\":\"low\"}";

    private final TestServer server = TestServer.shared();

    @Test
    void aBodyWithoutAJsonContentTypeIs415() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        ApiClient unchecked = api.uncheckedRequests("no content type, or one that is not JSON");
        unchecked
                .send("POST", "/v1/incidents", BODY, null)
                .assertError(415, "invalid_request_error", "unsupported_media_type");
        for (String type : new String[] {"", ";;;", "json"}) {
            unchecked
                    .send("POST", "/v1/incidents", BODY, type)
                    .assertError(415, "invalid_request_error", "unsupported_media_type");
        }
        api.send("POST", "/v1/incidents", BODY, "application/json; charset=utf-8")
                .assertStatus(201);
        assertEquals(1, api.get("/v1/incidents").data().get("incidents").size());
    }

    /**
     * The server answers an oversized request line before the client has finished sending the body, and must
     * not close with the rest unread (the kernel would reset the connection and the client lose the 414).
     */
    @Test
    void aClientStillSendingItsBodyGetsThe414() {
        ApiClient api = server.api(server.newOrganization().apiKey())
                .uncheckedRequests("an unknown query parameter, a title over its maxLength");
        String body = "{\"title\":\"" + "x".repeat(200_000) + "\",\"severity\":\"low\"}";
        for (int attempt = 0; attempt < 20; attempt++) {
            api.send("POST", "/v1/incidents?padding=" + "p".repeat(5000), body, "application/json")
                    .assertError(414, "invalid_request_error", "uri_too_long");
        }
    }

    @Test
    void anOversizedRequestLineIs414AndOversizedHeadersAre431WithARequestId() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        ApiResponse longUrl =
                api.uncheckedRequests("a cursor over its maxLength").get("/v1/incidents?cursor=" + "x".repeat(5000));
        assertEquals(
                "The request line (method, path and query) exceeds the server's limit of 4096 bytes.",
                longUrl.assertError(414, "invalid_request_error", "uri_too_long")
                        .get("message")
                        .asText());
        ApiResponse bigHeader = api.sendRaw(HttpRequest.newBuilder(api.base().resolve("/v1/incidents"))
                .header("Authorization", "Bearer " + api.apiKey())
                .header("X-Padding", "x".repeat(9000)));
        assertEquals(
                "The request headers exceed the server's limit of 8192 bytes.",
                bigHeader
                        .assertError(431, "invalid_request_error", "headers_too_large")
                        .get("message")
                        .asText());
        for (ApiResponse response : new ApiResponse[] {longUrl, bigHeader}) {
            assertEquals(
                    "close",
                    response.headers().firstValue("connection").orElse(null),
                    "the connection carries no further request");
            assertEquals(response.json().get("requestId").asText(), response.requestIdHeader());
            assertEquals(1, response.headers().allValues("X-Request-Id").size());
        }
    }

    @Test
    void parametersAreReadStrictly() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String[][] cases = {
            {"status=", "status"},
            {"limit=", "limit"},
            {"severity=HIGH", "severity"},
            {"limit=%2B5", "limit"},
            {"limit=%D9%A5", "limit"},
            {"from=2026-1-01", "from"}
        };
        for (String[] query : cases) {
            String message = api.uncheckedRequests("a parameter the spec refuses")
                    .get("/v1/incidents?" + query[0])
                    .assertStatus(422)
                    .json()
                    .get("message")
                    .asText();
            assertTrue(message.startsWith(query[1] + ": "), query[0] + " -> " + message);
        }
        String shortUuid = "a1b2c3d4-e5f6-7890-abcd-ef123456789";
        assertEquals(
                "id: must be a UUID.",
                api.uncheckedRequests("an id that is no UUID")
                        .get("/v1/incidents/" + shortUuid)
                        .assertError(422, "validation_error", "invalid_format")
                        .get("message")
                        .asText());
        api.get("/v1/incidents?severity=high&limit=5&from=2026-01-01").assertStatus(200);
    }

    @Test
    void theAuthorizationHeaderIsBearerOneSpaceAndTheKey() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        api.sendRaw(HttpRequest.newBuilder(api.base().resolve("/v1/incidents"))
                        .header("Authorization", "Bearer  " + api.apiKey()))
                .assertError(401, "not_authorized_error", "invalid_api_key");
    }
}
