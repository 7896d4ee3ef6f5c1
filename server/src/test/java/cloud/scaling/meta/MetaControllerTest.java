package cloud.scaling.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The unauthenticated endpoints: health, and the spec the server was generated from. */
class MetaControllerTest {

    private final TestServer server = TestServer.shared();

    @Test
    void healthNeedsNoKeyAndChecksTheDatabase() {
        ApiResponse health = server.anonymous().get("/health").assertStatus(200);
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    void servesTheSpecByteForByte() throws IOException {
        ApiResponse spec = server.anonymous().get("/openapi.yaml").assertStatus(200);
        assertTrue(spec.headers().firstValue("content-type").orElse("").startsWith("application/yaml"));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/scaling.yaml")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), spec.body());
        }
        assertTrue(spec.body().startsWith("openapi: 3.0.3"));
    }
}
