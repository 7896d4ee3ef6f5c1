package cloud.scaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Responses are compressed with gzip or not at all, as the spec says: {@code *} means gzip (not snappy, which
 * Micronaut would pick and ordinary clients cannot read), and codings the server does not promise are ignored.
 */
class ResponseCompressionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final TestServer server = TestServer.shared();
    private final ApiClient api = server.api(server.newOrganization().apiKey());

    @Test
    void anyCodingMeansGzip() throws Exception {
        aListLongEnoughToCompress();
        for (String accepted : List.of("*", "gzip", "br, gzip;q=0.5", "snappy;q=1, *;q=0.1", "x-gzip")) {
            HttpResponse<byte[]> response = list(accepted);
            assertEquals(200, response.statusCode());
            assertEquals(
                    "gzip", response.headers().firstValue("Content-Encoding").orElse(null), accepted);
            assertTrue(
                    new ObjectMapper()
                            .readTree(gunzip(response.body()))
                            .path("data")
                            .has("incidents"),
                    accepted);
        }
    }

    @Test
    void otherCodingsAreAnsweredUncompressed() throws Exception {
        aListLongEnoughToCompress();
        for (String accepted : List.of("snappy", "br", "zstd, deflate", "gzip;q=0, *", "*;q=0", "gzip;q=x")) {
            HttpResponse<byte[]> response = list(accepted);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Encoding").isEmpty(), accepted);
            assertTrue(new ObjectMapper().readTree(response.body()).path("data").has("incidents"), accepted);
        }
    }

    @Test
    void weightsAreReadAsRfc9110Says() {
        assertEquals(1f, ResponseEncodings.gzipWeight(List.of("*")));
        assertEquals(0.5f, ResponseEncodings.gzipWeight(List.of("deflate", "GZIP ; q=0.5")));
        assertEquals(0f, ResponseEncodings.gzipWeight(List.of("gzip;q=0, *;q=1")), "a named refusal beats *");
        assertEquals(0f, ResponseEncodings.gzipWeight(List.of("gzip;q=2")), "out of range is no weight");
        assertEquals(0f, ResponseEncodings.gzipWeight(List.of("identity")));
    }

    private void aListLongEnoughToCompress() {
        for (int i = 0; i < 5; i++) {
            api.createIncident("Incident number " + i + " with a title long enough to pass the compression threshold");
        }
    }

    private HttpResponse<byte[]> list(String acceptEncoding) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(api.base().resolve("/v1/incidents"))
                        .header("Authorization", "Bearer " + api.apiKey())
                        .header("Accept-Encoding", acceptEncoding)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
