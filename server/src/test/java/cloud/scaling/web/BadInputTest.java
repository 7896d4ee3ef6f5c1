package cloud.scaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input that once answered 500 answers the client's error, naming the field, on both databases alike: a JSON
 * {@code null} body, a corrupt gzip body, dates beyond year 9999, and text no database stores faithfully.
 */
class BadInputTest {

    private static final String UNSTORABLE = "must be UTF-8 text without U+0000, U+FFFF or unpaired surrogates.";

    private final TestServer server = TestServer.shared();

    @Test
    void aNullBodyIsNotAnObject() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String incident = api.createIncident("null bodies");
        for (String[] call : new String[][] {
            {"POST", "/v1/incidents"},
            {"POST", "/v1/components"},
            {"POST", "/v1/incidents/" + incident + "/handoff"},
            {"PUT", "/v1/incidents/" + incident + "/components"}
        }) {
            assertEquals(
                    "body: must be an object.",
                    api.uncheckedRequests("a null body")
                            .send(call[0], call[1], "null", "application/json")
                            .assertError(422, "validation_error", "invalid_type")
                            .get("message")
                            .asText());
        }
    }

    @Test
    void aCorruptGzipBodyIs400() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        byte[] corrupt = {0x1f, (byte) 0x8b, 0x08, 0x00, 'j', 'u', 'n', 'k', 'j', 'u', 'n', 'k'};
        api.uncheckedRequests("a corrupt gzip body")
                .sendRaw(HttpRequest.newBuilder(api.base().resolve("/v1/incidents"))
                        .header("Authorization", "Bearer " + api.apiKey())
                        .header("Content-Type", "application/json")
                        .header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(corrupt)))
                .assertError(400, "invalid_request_error", "invalid_content_encoding");
        assertEquals(0, api.get("/v1/incidents").data().get("incidents").size());
    }

    @Test
    void datesBeyondYear9999AreMalformed() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        ApiClient unchecked = api.uncheckedRequests("dates beyond year 9999");
        assertEquals(
                "to: must be a date as YYYY-MM-DD.",
                unchecked
                        .get("/v1/incidents?to=%2B999999999-12-31")
                        .assertError(422, "validation_error", "invalid_format")
                        .get("message")
                        .asText());
        assertEquals(
                "from: must be a date as YYYY-MM-DD.",
                unchecked
                        .get("/v1/incidents?from=-999999999-01-01")
                        .assertError(422, "validation_error", "invalid_format")
                        .get("message")
                        .asText());
        api.get("/v1/incidents?from=0000-01-01&to=9999-12-31").assertStatus(200);
    }

    /** RFC 3339 timestamps have four-digit years; Java reads up to ±999,999,999, which no database stores. */
    @Test
    void timestampsBeyondYear9999AreMalformed() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String schedule = schedule(api);
        for (String query : new String[] {
            "resolve?at=%2B999999999-12-31T23:59:59Z",
            "resolve?at=-999999999-01-01T00:00:00Z",
            "shifts?from=%2B999999999-12-31T23:59:59Z",
            "shifts?from=2026-01-01T00:00:00Z&to=%2B10000-01-01T00:00:00Z",
            // Empty is malformed too, as on every operation (it was read as absent here).
            "resolve?at=",
            "shifts?from=",
            "shifts?from=2026-01-01T00:00:00Z&to="
        }) {
            String parameter = query.substring(query.lastIndexOf('&') + 1).replaceAll("^[a-z]+\\?", "");
            assertEquals(
                    parameter.substring(0, parameter.indexOf('=')) + ": must be an ISO-8601 timestamp.",
                    api.uncheckedRequests("a timestamp beyond year 9999, or empty")
                            .get("/v1/oncall/schedules/" + schedule + "/" + query)
                            .assertError(422, "validation_error", "invalid_format")
                            .get("message")
                            .asText(),
                    query);
        }
        api.get("/v1/oncall/schedules/" + schedule + "/resolve?at=9999-12-31T23:59:59Z")
                .assertStatus(200);
        api.get("/v1/oncall/schedules/" + schedule + "/shifts?from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z")
                .assertStatus(200);
    }

    /**
     * One rule for empty query parameters on every operation that takes them: refused with 422 naming the
     * parameter, never read as absent (issue 34 part 4).
     */
    @Test
    void emptyQueryParametersAreRefusedOnEveryListing() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String endpoint = api.post("/v1/webhooks/endpoints", "{\"url\":\"http://127.0.0.1:9/hook\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String integration = api.post("/v1/integrations/inbound", "{\"name\":\"Empty\",\"type\":\"generic\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String schedule = schedule(api);
        Map<String, List<String>> parameters = Map.of(
                "/v1/incidents",
                List.of("status", "severity", "from", "to", "limit", "cursor"),
                "/v1/components",
                List.of("limit", "cursor"),
                "/v1/webhooks/endpoints/" + endpoint + "/deliveries",
                List.of("limit", "cursor"),
                "/v1/integrations/inbound/" + integration + "/alerts",
                List.of("limit", "cursor"),
                "/v1/integrations/inbound/" + integration + "/rejections",
                List.of("limit", "cursor"),
                "/v1/oncall/schedules/" + schedule + "/resolve",
                List.of("at"),
                "/v1/oncall/schedules/" + schedule + "/shifts",
                List.of("from", "to"));
        parameters.forEach((path, names) -> {
            for (String name : names) {
                var answer = api.uncheckedRequests("an empty query parameter").get(path + "?" + name + "=");
                String what = path + "?" + name + "= answered " + answer.status() + " " + answer.body();
                assertEquals(422, answer.status(), what);
                assertEquals("validation_error", answer.json().path("type").asText(), what);
                assertTrue(answer.json().path("message").asText().startsWith(name + ": "), what);
            }
        });
    }

    /** A malformed Accept-Language (the server serves one language) is ignored, not a 500. */
    @Test
    void aMalformedAcceptLanguageIsIgnored() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String schedule = schedule(api);
        for (String language : new String[] {";", ",", ";,", ",;q=1", "en-US;q=0.8,;", "\u00ff;"}) {
            api.exchange(
                            "DELETE",
                            "/v1/oncall/schedules/" + schedule + "/layers/lyr_doesnotexist",
                            Map.of(
                                    "Authorization",
                                    List.of("Bearer " + api.apiKey()),
                                    "Accept-Language",
                                    List.of(language)),
                            null)
                    .assertError(404, "invalid_request_error", "not_found");
        }
    }

    @Test
    void textWithNulOrUnpairedSurrogatesIsRefusedNamingTheField() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        for (String title : new String[] {"a\\u0000b", "a\\ud800b", "a\\udc00b", "a\\uffffb"}) {
            assertEquals(
                    "title: " + UNSTORABLE,
                    api.post("/v1/incidents", "{\"title\":\"" + title + "\",\"severity\":\"low\"}")
                            .assertError(422, "validation_error", "invalid_format")
                            .get("message")
                            .asText());
        }
        String incident = api.createIncident("nested text");
        assertEquals(
                "componentIds[1]: " + UNSTORABLE,
                api.put("/v1/incidents/" + incident + "/components", "{\"componentIds\":[\"cmp_a\",\"cmp_\\u0000\"]}")
                        .assertError(422, "validation_error", "invalid_format")
                        .get("message")
                        .asText());
        assertEquals(1, api.get("/v1/incidents").data().get("incidents").size(), "only the valid incident");
    }

    @Test
    void invalidUtf8InABodyIsRefusedNamingTheField() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        byte[] overlongSlash = {(byte) 0xc0, (byte) 0xaf};
        byte[] loneSurrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        byte[] truncated = {(byte) 0xe2, (byte) 0x82};
        for (byte[] bad : new byte[][] {overlongSlash, loneSurrogate, truncated}) {
            byte[] body = concat("{\"severity\":\"low\",\"title\":\"a", bad, "b\"}");
            assertEquals(
                    "title: " + UNSTORABLE,
                    api.sendRaw(HttpRequest.newBuilder(api.base().resolve("/v1/incidents"))
                                    .header("Authorization", "Bearer " + api.apiKey())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)))
                            .assertError(422, "validation_error", "invalid_format")
                            .get("message")
                            .asText());
        }
        String title = "Grüße \uD83D\uDE92";
        String id = api.post("/v1/incidents", "{\"title\":\"" + title + "\",\"severity\":\"low\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        assertEquals(title, api.get("/v1/incidents/" + id).data().get("title").asText(), "real text round-trips");
    }

    @Test
    void unstorableTextInPathsAndQueriesIsRefusedNamingTheParameter() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        for (String path :
                new String[] {"/v1/components/cmp_x%00", "/v1/components/cmp_x%C0%AF", "/v1/components/cmp_x%ED%A0%80"
                }) {
            String message = api.get(path)
                    .assertError(422, "validation_error", "invalid_format")
                    .get("message")
                    .asText();
            assertTrue(message.endsWith(": " + UNSTORABLE) && !message.startsWith("path"), message);
        }
        assertEquals(
                "cursor: " + UNSTORABLE,
                api.get("/v1/incidents?cursor=a%00b")
                        .assertError(422, "validation_error", "invalid_format")
                        .get("message")
                        .asText());
    }

    private static String schedule(ApiClient api) {
        return api.post("/v1/oncall/schedules", "{\"name\":\"Dates\",\"timezone\":\"UTC\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }
}
