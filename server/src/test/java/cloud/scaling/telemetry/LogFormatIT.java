package cloud.scaling.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ServerJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged server's logs as an operator reads them (the unit tests log through logback-test.xml instead):
 * plain text with the full date by default, one JSON object per line with {@code SCALING_LOG_FORMAT=json}, and
 * in both an access-log line for a request. Besides log lines, the output holds only the demo key's two lines.
 */
class LogFormatIT {

    private static final Pattern TEXT_LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z (INFO |WARN |ERROR) \\[[^]]+] \\S+ - .*");

    @Test
    void textByDefault() throws Exception {
        List<String> lines = logLinesOfOneRequest(Map.of());
        assertTrue(lines.stream().allMatch(TEXT_LINE.asMatchPredicate()), String.join("\n", lines));
        assertTrue(
                lines.stream().anyMatch(line -> line.contains("RequestTelemetry - GET /health 200 ")),
                String.join("\n", lines));
    }

    @Test
    void jsonWhenAskedFor() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = logLinesOfOneRequest(Map.of("SCALING_LOG_FORMAT", "json")).stream()
                .map(line -> {
                    try {
                        return json.readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException("not a JSON line: " + line, e);
                    }
                })
                .toList();
        assertTrue(lines.stream().allMatch(line -> line.has("level") && line.has("message")), lines.toString());
        JsonNode access = lines.stream()
                .filter(line -> line.path("loggerName").asText().equals(RequestTelemetry.class.getName()))
                .filter(line -> line.path("message").asText().startsWith("GET /health 200 "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no access-log line: " + lines));
        assertEquals(
                "{\"route\":\"/health\"}", access.path("kvpList").get(1).toString(), "the fields as key-value pairs");
    }

    /** The server's output after one GET /health, without the demo key's two lines (stdout, for scripts). */
    private static List<String> logLinesOfOneRequest(Map<String, String> environment) throws Exception {
        ServerJar server = ServerJar.onFreshDatabase(false);
        environment.forEach(server::withEnvironment);
        server.start();
        try {
            HttpResponse<Void> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri().resolve("/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertEquals(200, health.statusCode());
        } finally {
            assertEquals(128 + 15, server.terminate(), server.log());
        }
        List<String> lines = server.log()
                .lines()
                .filter(line -> !line.startsWith("Created the organization ") && !line.startsWith("Its API key"))
                .toList();
        assertTrue(lines.size() > 3, server.log());
        return lines;
    }
}
