package cloud.scaling.contract.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.spec.WireRequest;
import cloud.scaling.contract.spec.WireResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A response that already passed the spec's checks; what is left for a test are the facts the schema cannot
 * express (which status, which error code, which rows).
 */
public final class Reply {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final WireRequest request;
    private final WireResponse response;

    Reply(String label, WireRequest request, WireResponse response) {
        this.label = label;
        this.request = request;
        this.response = response;
    }

    public int status() {
        return response.status();
    }

    public String body() {
        return response.body();
    }

    public String header(String name) {
        return response.header(name);
    }

    public JsonNode json() {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(label + " answered " + status() + " with a body that is not JSON: " + body(), e);
        }
    }

    public JsonNode data() {
        return json().get("data");
    }

    public Reply expect(int status) {
        assertEquals(
                status,
                status(),
                () -> label + ": expected " + status + ", got " + status() + " for " + request.line() + "; body: "
                        + ContractHttp.abbreviate(body()));
        return this;
    }

    /** Expects an error answer with this status and code; returns the error body. */
    public JsonNode expectError(int status, String code) {
        expect(status);
        JsonNode error = json();
        assertEquals(
                code,
                error.path("code").asText(),
                () -> label + " answered " + status + " with code " + error.path("code") + " where the test expects "
                        + code + "; body: " + body());
        return error;
    }

    /** Expects an error whose message names the field at fault, as the spec promises. */
    public JsonNode expectError(int status, String code, String field) {
        JsonNode error = expectError(status, code);
        assertTrue(
                error.path("message").asText().contains(field),
                () -> label + " answered " + status + " " + code + " but its message does not name the field " + field
                        + ": " + error.path("message"));
        return error;
    }

    @Override
    public String toString() {
        return label + " → " + status();
    }
}
