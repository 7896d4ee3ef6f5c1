package cloud.scaling.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.UUID;

/** A response as received, with the checks every test makes on the API's envelope and error body. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON (" + status + "): " + body, e);
        }
    }

    public JsonNode data() {
        return json().get("data");
    }

    public String requestIdHeader() {
        return headers.firstValue("X-Request-Id").orElse(null);
    }

    /** Asserts the status and, for errors, the whole Scaling error body; returns this for chaining. */
    public ApiResponse assertStatus(int expected) {
        assertEquals(expected, status, () -> "Unexpected status; body: " + body);
        String requestId = requestIdHeader();
        assertNotNull(requestId, "Every response carries X-Request-Id");
        UUID.fromString(requestId);
        return this;
    }

    /** Asserts an error answer: status, the five fields of the error body, type and code. */
    public JsonNode assertError(int expectedStatus, String expectedType, String expectedCode) {
        assertStatus(expectedStatus);
        assertEquals("application/json", headers.firstValue("content-type").orElse(""), body);
        JsonNode error = json();
        assertEquals(5, error.size(), () -> "The error body has exactly five fields: " + body);
        assertEquals(expectedStatus, error.get("statusCode").asInt(), body);
        assertEquals(expectedType, error.get("type").asText(), body);
        assertEquals(expectedCode, error.get("code").asText(), body);
        assertEquals(requestIdHeader(), error.get("requestId").asText(), "requestId matches the header");
        assertNotNull(error.get("message").textValue(), body);
        return error;
    }

    public String errorMessage() {
        return json().get("message").asText();
    }
}
