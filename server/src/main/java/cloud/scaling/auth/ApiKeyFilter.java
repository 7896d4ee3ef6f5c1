package cloud.scaling.auth;

import cloud.scaling.web.ErrorResponses;
import cloud.scaling.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/**
 * Authenticates every {@code /v1} request by its bearer API key. The key lookup is JDBC, so the filter runs
 * on the blocking executor, never on the event loop.
 */
@ServerFilter("/v1/**")
public class ApiKeyFilter implements Ordered {

    private static final String BEARER = "Bearer ";
    private static final Problem MISSING = new Problem(HttpStatus.UNAUTHORIZED, "missing_authorization_header",
            "Send your API key as 'Authorization: Bearer scl_live_...'.");
    private static final Problem INVALID = new Problem(HttpStatus.UNAUTHORIZED, "invalid_api_key",
            "The API key is not valid or has been revoked.");

    private final ApiKeyAuthenticator authenticator;

    public ApiKeyFilter(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            return ErrorResponses.render(request, MISSING);
        }
        Optional<Caller> caller = authenticator.authenticate(header.substring(BEARER.length()).trim());
        if (caller.isEmpty()) {
            return ErrorResponses.render(request, INVALID);
        }
        CallerContext.set(request, caller.get());
        return null;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100;
    }
}
