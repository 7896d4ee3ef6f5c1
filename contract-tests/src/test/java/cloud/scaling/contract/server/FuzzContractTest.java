package cloud.scaling.contract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.Samples;
import cloud.scaling.contract.spec.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Spec-driven fuzzing: every operation, again and again, with one mutation at a time of a valid request (a body
 * field's type, format, boundary or text; the whole body; a path or query parameter; a header). The rule is
 * the spec's promise for any input: never a 5xx, every error the documented {@code ApiError} body with the
 * request id of its {@code X-Request-Id}, and a healthy server afterwards. Deterministic from a fixed seed
 * ({@code -Dscaling.fuzz.seed}); bounded in time ({@code -Dscaling.fuzz.seconds}, 40 by default, longer on
 * demand). A failure names the seed and the request, so it can be replayed.
 */
class FuzzContractTest extends ServerContractTest {

    private static final long SEED = Long.getLong("scaling.fuzz.seed", 11L);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("scaling.fuzz.seconds", 40L));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Values put in place of a body field: other types, boundaries, formats and text no database stores. */
    private static final List<JsonNode> FIELD_VALUES = List.of(
            NODES.nullNode(),
            NODES.numberNode(0),
            NODES.numberNode(-1),
            NODES.numberNode(Integer.MAX_VALUE + 1L),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
            NODES.numberNode(1e308),
            NODES.numberNode(-0.0),
            NODES.numberNode(1.5),
            NODES.booleanNode(true),
            NODES.textNode(""),
            NODES.textNode(" "),
            NODES.textNode("x".repeat(10_001)),
            NODES.textNode("a\u0000b"),
            NODES.textNode("\ud800"),
            NODES.textNode("\udfff x"),
            NODES.textNode("\uffff"),
            NODES.textNode("Grüße 🚒 مرحبا"),
            NODES.textNode("HIGH"),
            NODES.textNode("2026-13-45"),
            NODES.textNode("+999999999-12-31"),
            NODES.textNode("-999999999-01-01T00:00:00Z"),
            NODES.textNode("2026-04-07T10:00:00.000Z"),
            NODES.textNode("a1b2c3d4-e5f6-7890-abcd-ef123456789"),
            NODES.textNode(UUID.randomUUID().toString()),
            NODES.textNode("cmp_x"),
            NODES.textNode("user_x"),
            NODES.arrayNode(),
            NODES.arrayNode().add(NODES.nullNode()),
            NODES.objectNode(),
            NODES.arrayNode().add("dup").add("dup"));
    /** Whole bodies. */
    private static final List<String> BODIES = List.of(
            "null",
            "[]",
            "\"x\"",
            "1",
            "{}",
            "true",
            "{\"a\":1,\"a\":2}",
            "[".repeat(2000) + "]".repeat(2000),
            "{\"x\":" + "[".repeat(5000),
            "\uFEFF{}",
            "{\"title\":\"\\ud800\"}",
            "{\"title\":\"\\u0000\",\"severity\":\"low\",\"name\":\"\\u0000\"}");
    /** Raw (already percent-encoded) path parameter values. */
    private static final List<String> PATH_VALUES = List.of(
            "%00",
            "%C0%AF",
            "%ED%A0%80",
            "%FF",
            "x".repeat(300),
            "..",
            "%2e%2e",
            "-1",
            "0",
            "null",
            "a1b2c3d4-e5f6-7890-abcd-ef123456789",
            "A1B2C3D4-E5F6-7890-ABCD-EF1234567890",
            "%F0%9F%98%80",
            "%20",
            "cmp_%00x",
            "user_'%3B--");
    /** Raw query parameter values. */
    private static final List<String> QUERY_VALUES = List.of(
            "",
            "HIGH",
            "%2B5",
            "%D9%A5",
            "-1",
            "0",
            "101",
            "99999999999999999999",
            "1.5",
            "%2B999999999-12-31",
            "-999999999-01-01",
            "2026-02-30",
            "2026-1-1",
            "%00",
            "%C0%AF",
            "x".repeat(2000),
            "eyJhIjoxfQ",
            "%F0%9F%98%80",
            "true");
    /** Header mutations, as name and value. */
    private static final List<String[]> HEADERS = List.of(
            new String[] {"Content-Type", ";;;"},
            new String[] {"Content-Type", "text/plain"},
            new String[] {"Content-Type", "application/json; charset=utf-16"},
            new String[] {"Content-Type", "application/JSON"},
            new String[] {"Content-Encoding", "gzip"},
            new String[] {"Content-Encoding", "br"},
            new String[] {"Content-Encoding", "identity"},
            new String[] {"Idempotency-Key", ""},
            new String[] {"Idempotency-Key", "k".repeat(300)},
            new String[] {"Authorization", "Bearer"},
            new String[] {"Authorization", "bearer "},
            new String[] {"Authorization", "Basic dXNlcjpwYXNz"},
            new String[] {"X-Padding", "p".repeat(9000)},
            new String[] {"X-Request-Id", "not-a-uuid"});

    @Test
    void noInputMakesTheServerFail() throws Exception {
        Org owner = newOrg();
        Random random = new Random(SEED);
        List<SpecOperation> operations = SPEC.operations();
        // Each operation on objects of its own organization, so that a delete (of a component, say) that a
        // harmless mutation lets through leaves every other operation's objects in place.
        Map<SpecOperation, Target> targets = new LinkedHashMap<>();
        for (SpecOperation op : operations) {
            targets.put(op, target(op));
        }
        int sent = 0;
        // First the request unmutated: on real objects it must reach the handler (no 404 for an object a path
        // parameter names, no 401 for its credential), which the mutations below then work on.
        List<String> unreached = new ArrayList<>();
        for (SpecOperation op : operations) {
            Mutant valid = mutate(op, targets.get(op), random, false);
            HttpResponse<String> response = send(server.uri(), valid);
            check(valid, response, sent++);
            if (response.statusCode() == 401 || response.statusCode() == 404 || response.statusCode() == 405) {
                unreached.add(op.label() + " answered " + response.statusCode() + " " + abbreviate(response.body()));
            }
            renewAfterDelete(op, response, targets);
        }
        assertEquals(List.of(), unreached, "every operation's handler is reached on real objects");
        Instant deadline = Instant.now().plus(BUDGET);
        while (sent < operations.size() * 6 || Instant.now().isBefore(deadline)) {
            SpecOperation op = operations.get(sent % operations.size());
            Mutant mutant = mutate(op, targets.get(op), random, true);
            HttpResponse<String> response = send(server.uri(), mutant);
            check(mutant, response, sent);
            renewAfterDelete(op, response, targets);
            sent++;
        }
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(server.uri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "the server is healthy after " + sent + " fuzzed requests");
        http.post("/v1/incidents")
                .as(owner)
                .json("{\"title\":\"after the fuzz\",\"severity\":\"low\"}")
                .send()
                .expect(201);
        System.out.println(
                "Fuzzed " + sent + " requests over " + operations.size() + " operations (seed " + SEED + ")");
    }

    /** Where an operation's requests go: its path on real objects, and the credential it takes. */
    private record Target(String path, String credential) {}

    private Target target(SpecOperation op) {
        Org org = newOrg();
        return new Target(objects.path(op, org), http.credentials().of(op, org));
    }

    /** A delete that succeeded took the operation's object away: later requests get a new one to work on. */
    private void renewAfterDelete(SpecOperation op, HttpResponse<String> response, Map<SpecOperation, Target> targets) {
        if (op.method().equals("DELETE") && response.statusCode() < 300) {
            targets.put(op, target(op));
        }
    }

    /** One request: method, raw target, headers, body bytes (null for none) and what was mutated. */
    private record Mutant(String method, String target, Map<String, String> headers, byte[] body, String what) {}

    /** The operation's valid request, with one mutation when {@code mutated}. */
    private static Mutant mutate(SpecOperation op, Target valid, Random random, boolean mutated) throws IOException {
        String validPath = valid.path();
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.secured()) {
            headers.put("Authorization", "Bearer " + valid.credential());
        }
        JsonNode body = op.requestSchema().map(Samples::valid).orElse(null);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        String target = validPath;
        String what;
        int kind = mutated ? random.nextInt(5) : -1;
        if (kind == -1) {
            what = "no mutation";
        } else if (kind == 0 && body instanceof ObjectNode object && object.size() > 0) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            String field = fields.get(random.nextInt(fields.size()));
            JsonNode value = pick(FIELD_VALUES, random);
            object.set(field, value);
            what = "body field " + field + " = " + abbreviate(value.toString());
        } else if (kind == 1 && body != null) {
            String whole = pick(BODIES, random);
            what = "body " + abbreviate(whole);
            return new Mutant(op.method(), target, headers, whole.getBytes(StandardCharsets.UTF_8), what);
        } else if (kind == 2 && !op.pathParameters().isEmpty()) {
            target = mutatePath(op, validPath, random);
            what = "path " + abbreviate(target);
        } else if (kind == 3 && !op.queryParameters().isEmpty()) {
            Parameter parameter = pick(op.queryParameters(), random);
            String value = pick(QUERY_VALUES, random);
            target = validPath + (validPath.contains("?") ? "&" : "?") + parameter.getName() + "=" + value;
            what = "query " + parameter.getName() + "=" + abbreviate(value);
        } else {
            String[] header = pick(HEADERS, random);
            headers.put(header[0], header[1]);
            what = "header " + header[0] + ": " + abbreviate(header[1]);
            if (header[0].equals("Content-Encoding") && body != null) {
                byte[] plain = body.toString().getBytes(StandardCharsets.UTF_8);
                return new Mutant(
                        op.method(),
                        target,
                        headers,
                        random.nextBoolean() ? gzip(plain) : new byte[] {0x1f, (byte) 0x8b, 8, 0, 'j', 'u', 'n', 'k'},
                        what);
            }
        }
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        return new Mutant(op.method(), target, headers, bytes, what);
    }

    /** The valid path with one of its parameters replaced. */
    private static String mutatePath(SpecOperation op, String validPath, Random random) {
        String[] template = op.path().split("/");
        String[] actual = validPath.split("\\?", 2)[0].split("/");
        List<Integer> parameters = new ArrayList<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                parameters.add(i);
            }
        }
        actual[pick(parameters, random)] = pick(PATH_VALUES, random);
        return String.join("/", actual);
    }

    private static HttpResponse<String> send(URI base, Mutant mutant) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(mutant.target()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        mutant.method(),
                        mutant.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(mutant.body()));
        mutant.headers().forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(
                    "seed " + SEED + ": " + mutant.method() + " " + mutant.target() + " with " + mutant.what()
                            + ": no answer",
                    e);
        }
    }

    private static void check(Mutant mutant, HttpResponse<String> response, int index) {
        String label = "seed " + SEED + ", request " + index + ": " + mutant.method() + " "
                + abbreviate(mutant.target()) + " with " + mutant.what() + " answered " + response.statusCode()
                + " " + abbreviate(response.body());
        assertTrue(response.statusCode() < 500, label);
        String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
        assertTrue(requestId != null && isUuid(requestId), label + " without a UUID X-Request-Id");
        if (response.statusCode() >= 400) {
            JsonNode error;
            try {
                error = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError(label + ": the error body is not JSON", e);
            }
            assertEquals(response.statusCode(), error.path("statusCode").asInt(), label);
            assertEquals(requestId, error.path("requestId").asText(), label);
            for (String field : new String[] {"type", "code", "message"}) {
                assertTrue(
                        error.path(field).isTextual()
                                && !error.path(field).asText().isEmpty(),
                        label + ": no " + field);
            }
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…(" + text.length() + " chars)";
    }
}
