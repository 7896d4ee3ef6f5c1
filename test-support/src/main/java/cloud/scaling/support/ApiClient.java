package cloud.scaling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A plain HTTP client for the tests: exactly the bytes a curl user would send, nothing generated. Every exchange
 * goes past its {@link ExchangeCheck} (none unless {@link #checkedBy} gave one), whichever method sent it.
 */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String apiKey;
    private final ExchangeCheck check;
    private final String uncheckedBecause;

    /** A client of the server at {@code base}, sending {@code apiKey} as its bearer credential (null for none). */
    public ApiClient(URI base, String apiKey) {
        this(base, apiKey, ExchangeCheck.NONE, null);
    }

    private ApiClient(URI base, String apiKey, ExchangeCheck check, String uncheckedBecause) {
        this.base = base;
        this.apiKey = apiKey;
        this.check = check;
        this.uncheckedBecause = uncheckedBecause;
    }

    /** This client with every exchange judged by {@code check}. */
    public ApiClient checkedBy(ExchangeCheck check) {
        return new ApiClient(base, apiKey, check, uncheckedBecause);
    }

    /** This client (and its check) with another bearer credential (null for none). */
    public ApiClient withKey(String apiKey) {
        return new ApiClient(base, apiKey, check, uncheckedBecause);
    }

    /**
     * This client for a negative test, which sends requests the spec does not allow on purpose ({@code why} says
     * what they break, for the reader): its requests go unchecked; the answers are still judged in full.
     */
    public ApiClient uncheckedRequests(String why) {
        return new ApiClient(base, apiKey, check, Objects.requireNonNull(why, "say why"));
    }

    /**
     * This client with no check at all, for an exchange the spec cannot describe and the test knows it ({@code why}
     * says how): a replay of what an older release stored, an answer the spec does not document yet.
     */
    public ApiClient unchecked(String why) {
        return new ApiClient(base, apiKey, ExchangeCheck.NONE, why);
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

    /** Sends a request the caller built completely (for unusual headers); it is checked like any other. */
    public ApiResponse sendRaw(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            ApiResponse answer = new ApiResponse(response.statusCode(), response.headers(), response.body());
            String target = request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null
                            ? ""
                            : "?" + request.uri().getRawQuery());
            check.check(
                    new ExchangeCheck.Sent(
                            request.method(), target, request.headers().map(), bodyOf(request), uncheckedBecause),
                    answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body a built request sends, read back from its publisher (null for none). */
    private static String bodyOf(HttpRequest request) {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
            return null;
        }
        CompletableFuture<String> body = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final List<ByteBuffer> parts = new ArrayList<>();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer part) {
                parts.add(part);
            }

            @Override
            public void onError(Throwable failure) {
                body.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                int size = parts.stream().mapToInt(ByteBuffer::remaining).sum();
                ByteBuffer whole = ByteBuffer.allocate(size);
                parts.forEach(whole::put);
                body.complete(new String(whole.array(), StandardCharsets.UTF_8));
            }
        });
        return body.join();
    }

    public URI base() {
        return base;
    }

    public String apiKey() {
        return apiKey;
    }
}
