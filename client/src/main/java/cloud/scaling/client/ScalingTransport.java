package cloud.scaling.client;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client every generated API class sends through, and so the one place where the Scaling wire conventions
 * are applied to every operation of the spec, those added later included: the {@code Authorization} and
 * {@code User-Agent} headers, an {@code Idempotency-Key} on every POST (one per call, the same on its retries, so
 * a retried create cannot create twice), the {@link RetryPolicy}, and turning error answers into
 * {@link ScalingApiException}s and I/O failures into {@link ScalingTransportException}s.
 *
 * <p>It decorates a plain {@link HttpClient}; the generated code only ever calls the synchronous
 * {@link #send(HttpRequest, BodyHandler)}.
 */
final class ScalingTransport extends HttpClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final String authorization;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final ErrorResponses errors;

    ScalingTransport(HttpClient http, String apiKey, RetryPolicy retryPolicy, Sleeper sleeper, ErrorResponses errors) {
        this.http = http;
        this.authorization = "Bearer " + apiKey;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.errors = errors;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler) throws InterruptedException {
        HttpRequest prepared = withScalingHeaders(request);
        for (int retry = 0; ; retry++) {
            Optional<Duration> delay;
            try {
                AtomicReference<byte[]> errorBody = new AtomicReference<>();
                HttpResponse<T> response = http.send(prepared, keepingErrorBodies(handler, errorBody));
                if (isSuccess(response.statusCode())) {
                    return response;
                }
                ScalingApiException error =
                        errors.toException(response.statusCode(), response.headers(), errorBody.get());
                delay = retryPolicy.delayAfterResponse(retry, response.statusCode(), response.headers(), error.code());
                if (delay.isEmpty()) {
                    throw error;
                }
            } catch (HttpTimeoutException e) {
                delay = retryPolicy.delayAfterTimeout(retry);
                if (delay.isEmpty()) {
                    throw new ScalingTransportException(describe(prepared) + " timed out " + (retry + 1) + " times", e);
                }
            } catch (IOException e) {
                throw new ScalingTransportException(describe(prepared) + " failed: " + e, e);
            }
            sleeper.sleep(delay.get());
        }
    }

    private HttpRequest withScalingHeaders(HttpRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true)
                .setHeader("Authorization", authorization)
                .setHeader("User-Agent", UserAgent.VALUE);
        // A caller may pass its own key (through the generated methods' headers argument) to span its own retries.
        if (request.method().equals("POST")
                && request.headers().firstValue(IDEMPOTENCY_KEY).isEmpty()) {
            builder.setHeader(IDEMPOTENCY_KEY, UUID.randomUUID().toString());
        }
        return builder.build();
    }

    /**
     * The caller's handler for successful answers; any other answer's body is kept as bytes (the caller gets null),
     * for it is either discarded before a retry or read as an error body.
     */
    private static <T> BodyHandler<T> keepingErrorBodies(BodyHandler<T> handler, AtomicReference<byte[]> errorBody) {
        return info -> isSuccess(info.statusCode())
                ? handler.apply(info)
                : BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> {
                    errorBody.set(bytes);
                    return null;
                });
    }

    private static boolean isSuccess(int status) {
        return status / 100 == 2;
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request, BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        throw new UnsupportedOperationException("The Scaling client is synchronous; call send");
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return http.authenticator();
    }

    @Override
    public Version version() {
        return http.version();
    }

    @Override
    public Optional<Executor> executor() {
        return http.executor();
    }
}
