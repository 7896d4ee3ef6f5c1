package cloud.scaling.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The container's health check ({@code health}): exit code 0 only for a 200 from the server, one line each time. */
class HealthProbeTest {

    private final TestServer server = TestServer.shared();

    @Test
    void aHealthyServerIsExitCodeZero() {
        Probed probed = probe(server.uri().resolve("/health"));
        assertEquals(0, probed.exit, probed.line);
        assertEquals(server.uri().resolve("/health") + ": 200 {\"status\":\"UP\"}\n", probed.line);
    }

    @Test
    void anyOtherAnswerIsExitCodeOne() {
        // A 401 stands for any answer but 200 (a 503 when the database does not answer).
        Probed probed = probe(server.uri().resolve("/v1/incidents"));
        assertEquals(1, probed.exit, probed.line);
        assertTrue(probed.line.contains(": 401 {"), probed.line);
    }

    @Test
    void noServerIsExitCodeOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Probed probed = probe(URI.create("http://127.0.0.1:" + port + "/health"));
        assertEquals(1, probed.exit, probed.line);
        assertTrue(probed.line.startsWith("http://127.0.0.1:" + port + "/health: no answer ("), probed.line);
        assertEquals(1, probed.line.lines().count(), probed.line);
    }

    private record Probed(int exit, String line) {}

    private static Probed probe(URI uri) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = HealthProbe.probe(uri, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Probed(exit, out.toString(StandardCharsets.UTF_8));
    }
}
