package cloud.scaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whatever goes wrong at the HTTP level answers with the Scaling error body and a 4xx: never a 500, never a
 * stack trace, never the framework's default JSON, and nothing half-written in the database. Missing bodies,
 * unknown routes and undocumented methods are the contract suite's (RequestBodyContractTest,
 * RoutingConventionsContractTest), for every operation.
 */
class ErrorHandlingTest {

    private final TestServer server = TestServer.shared();

    @Test
    void malformedJsonIs400AndCreatesNothing() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        for (String broken : new String[] {
            "{\"title\": \"x\", ",
            "{title: x}",
            "{\"title\" \"x\"}",
            "nul",
            "{\"title\":\"x\",\"severity\":\"low\"}}",
            "{\"title\":\"x\",\"severity\":\"low\"} {}"
        }) {
            api.uncheckedRequests("malformed JSON")
                    .post("/v1/incidents", broken)
                    .assertError(400, "invalid_request_error", "malformed_json");
        }
        assertEquals(0, api.get("/v1/incidents").data().get("incidents").size());
    }

    @Test
    void wrongContentTypeIs415() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String body = "{\"title\":\"t\",\"severity\":\"low\"}";
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
            api.uncheckedRequests("a content type other than JSON")
                    .send("POST", "/v1/incidents", body, type)
                    .assertError(415, "invalid_request_error", "unsupported_media_type");
        }
        assertEquals(0, api.get("/v1/incidents").data().get("incidents").size());
    }

    @Test
    void oversizedBodyIs413() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String huge = "{\"title\":\"t\",\"severity\":\"low\",\"description\":\"" + "x".repeat(300_000) + "\"}";
        api.uncheckedRequests("a description over its maxLength, and over the body limit")
                .post("/v1/incidents", huge)
                .assertError(413, "invalid_request_error", "payload_too_large");
        assertEquals(0, api.get("/v1/incidents").data().get("incidents").size());
    }

    @Test
    void errorBodiesNeverCarryStackTracesOrFrameworkFields() {
        ApiClient api = server.api(server.newOrganization().apiKey())
                .uncheckedRequests("malformed JSON, a limit that is no number, a method the path lacks");
        for (ApiResponse response : new ApiResponse[] {
            api.post("/v1/incidents", "{\"title\": [}"),
            api.get("/v1/incidents?limit=abc"),
            api.get("/v1/incidents/zzz"),
            api.send("PATCH", "/v1/incidents", "{}", "application/json")
        }) {
            JsonNode body = response.json();
            assertEquals(Set.of("statusCode", "type", "code", "requestId", "message"), fieldNames(body));
            assertFalse(response.body().contains("Exception"), response.body());
            assertFalse(response.body().contains("_links"), response.body());
            assertTrue(response.status() >= 400 && response.status() < 500, response.body());
        }
    }

    @Test
    void everyResponseCarriesAUniqueRequestId() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        Set<String> ids = new HashSet<>();
        ids.add(api.get("/v1/incidents").assertStatus(200).requestIdHeader());
        ids.add(server.anonymous().get("/health").assertStatus(200).requestIdHeader());
        ids.add(server.anonymous().get("/openapi.yaml").assertStatus(200).requestIdHeader());
        ids.add(api.uncheckedRequests("an unknown route")
                .get("/v1/nope")
                .assertStatus(404)
                .requestIdHeader());
        ids.add(server.anonymous()
                .uncheckedRequests("no API key")
                .sendRaw(HttpRequest.newBuilder(server.uri().resolve("/v1/incidents"))
                        .GET())
                .assertStatus(401)
                .requestIdHeader());
        assertEquals(5, ids.size());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
