package cloud.scaling.auth;

import cloud.scaling.shared.Hashing;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Authenticates every {@code /v1} request by its bearer API key. The filter runs on the event loop: a key
 * found in the {@link KeyCache} needs nothing else, and only a key that has to be read from the database
 * moves to the blocking executor, so that JDBC never runs on the event loop.
 */
@ServerFilter("/v1/**")
public class ApiKeyFilter implements Ordered {

    private static final String BEARER = "Bearer ";
    private static final Problem MISSING = new Problem(
            HttpStatus.UNAUTHORIZED,
            "missing_authorization_header",
            "Send your API key as 'Authorization: Bearer scl_live_...'.");
    private static final Problem INVALID =
            new Problem(HttpStatus.UNAUTHORIZED, "invalid_api_key", "The API key is not valid or has been revoked.");
    /** Ingest tokens start so (alerts.IngestTokens); one sent here is a mix-up worth naming. */
    private static final String INGEST_TOKEN_PREFIX = "scl_int_";

    private static final Problem INGEST_TOKEN = new Problem(
            HttpStatus.UNAUTHORIZED,
            "wrong_credential",
            "An integration's ingest token (scl_int_...) works only on POST /v1/alerts/generic, /v1/alerts/alertmanager"
                    + " and /v1/alerts/grafana; send an API key (scl_live_...) here.");

    /**
     * The /v1 operations that take no API key: {@code security: []} (the credential is in the body) and the alert
     * ingest endpoints, whose spec scheme is an integration's ingest token, checked by their controller.
     */
    private static final Set<String> PUBLIC_PATHS = Set.of(
            "/v1/team/invitations/accept", "/v1/alerts/generic", "/v1/alerts/alertmanager", "/v1/alerts/grafana");

    private final ApiKeyAuthenticator authenticator;
    private final ExecutorService blocking;

    public ApiKeyFilter(ApiKeyAuthenticator authenticator, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticator = authenticator;
        this.blocking = blocking;
    }

    /**
     * Completes with the request to go on with, or fails with the 401 to answer. A future even when no database
     * is needed: Micronaut takes a completed one without leaving the event loop.
     */
    @RequestFilter
    public CompletableFuture<HttpRequest<?>> authenticate(HttpRequest<?> request) {
        if (PUBLIC_PATHS.contains(request.getPath())) {
            return CompletableFuture.completedFuture(request);
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            return CompletableFuture.failedFuture(new ApiException(MISSING));
        }
        String key = header.substring(BEARER.length());
        if (!ApiKeys.isWellFormed(key)) {
            return CompletableFuture.failedFuture(
                    new ApiException(key.startsWith(INGEST_TOKEN_PREFIX) ? INGEST_TOKEN : INVALID));
        }
        String hash = Hashing.sha256Hex(key);
        Optional<Caller> cached = authenticator.fromCache(hash);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(admit(request, cached));
        }
        return CompletableFuture.supplyAsync(() -> admit(request, authenticator.fromDatabase(hash)), blocking);
    }

    private static HttpRequest<?> admit(HttpRequest<?> request, Optional<Caller> caller) {
        CallerContext.set(request, caller.orElseThrow(() -> new ApiException(INVALID)));
        return request;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100;
    }
}
