package cloud.scaling.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ServerJar;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM stops the packaged server on the embedded H2 cleanly: the conventional exit code, no stack trace, no
 * H2 trace file, and the data there on the next start.
 */
class CleanShutdownIT {

    @Test
    void sigtermStopsTheServerWithoutErrorsAndKeepsTheData() throws Exception {
        ServerJar server = ServerJar.onFreshDatabase(false).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(server.uri().resolve("/v1/incidents"))
                        .header("Authorization", "Bearer " + server.apiKey())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"severity\":\"low\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        assertEquals(128 + 15, server.terminate(), "exit code of a SIGTERM'd process:\n" + server.log());
        assertFalse(server.log().contains("Exception"), "no stack trace on shutdown:\n" + server.log());
        Path databaseFile =
                Path.of(server.databaseUrl().replaceFirst("^jdbc:h2:file:", "").replaceFirst(";.*", ""));
        try (Stream<Path> files = Files.list(databaseFile.toAbsolutePath().getParent())) {
            assertTrue(
                    files.noneMatch(file -> file.getFileName().toString().endsWith(".trace.db")),
                    "no H2 trace file next to " + databaseFile);
        }

        server.start();
        HttpResponse<String> listed = http.send(
                HttpRequest.newBuilder(server.uri().resolve("/v1/incidents"))
                        .header("Authorization", "Bearer " + server.apiKey())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(listed.body().contains("\"title\":\"t\""), listed.body());
        server.stop();
    }
}
