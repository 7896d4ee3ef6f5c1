package cloud.scaling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for the tests: exactly the bytes a curl user would send, nothing generated. */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String apiKey;

    /** A client of the server at {@code base}, sending {@code apiKey} as its bearer credential (null for none). */
    public ApiClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    public ApiResponse post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public ApiResponse patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public ApiResponse put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    /** Opens an incident with just a title and severity; returns its id. */
    public String createIncident(String title) {
        return post("/v1/incidents", "{\"title\":\"" + title + "\",\"severity\":\"high\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    /** Creates a component with this name; returns its id. */
    public String createComponent(String name) {
        return post("/v1/components", "{\"name\":\"" + name + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    /** Any method, body and content type (null for none), with this client's key if it has one. */
    public ApiResponse send(String method, String path, String body, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("Authorization", List.of("Bearer " + apiKey));
        }
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return exchange(method, path, headers, body);
    }

    /**
     * Exactly these headers and body (null for none) to {@code target} (path and raw query); the one place a request
     * is built, for this client's own methods and for the contract suite's validating client alike.
     */
    public ApiResponse exchange(String method, String target, Map<String, List<String>> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return sendRaw(request);
    }

    /** Sends a request the caller built completely (for unusual headers). */
    public ApiResponse sendRaw(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI base() {
        return base;
    }

    public String apiKey() {
        return apiKey;
    }
}
