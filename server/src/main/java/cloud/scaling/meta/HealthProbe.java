package cloud.scaling.meta;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code health}: asks the server on this machine ({@code http://127.0.0.1:$MICRONAUT_SERVER_PORT/health}) whether
 * it is healthy, exit code 0 when it answers 200, 1 otherwise, one line either way. For a container's health check:
 * the image holds a Java runtime and the server, no curl or shell.
 */
public final class HealthProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthProbe() {}

    public static int run(PrintStream out) {
        String port = System.getenv().getOrDefault("MICRONAUT_SERVER_PORT", "8080");
        return probe(URI.create("http://127.0.0.1:" + port + "/health"), out);
    }

    static int probe(URI health, PrintStream out) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(health).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            out.println(
                    health + ": " + answer.statusCode() + " " + answer.body().strip());
            return answer.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            out.println(health + ": no answer (" + e + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
