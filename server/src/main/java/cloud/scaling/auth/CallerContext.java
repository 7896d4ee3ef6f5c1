package cloud.scaling.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;

/**
 * The authenticated caller of the current request. The generated API interfaces fix the controller methods'
 * parameters, so the caller travels as a request attribute set by {@link ApiKeyFilter}.
 */
public final class CallerContext {

    private static final String ATTRIBUTE = "scaling.caller";

    private CallerContext() {}

    static void set(HttpRequest<?> request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    public static Caller current() {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getAttribute(ATTRIBUTE, Caller.class))
                .orElseThrow(() -> new IllegalStateException("No authenticated caller on this request"));
    }
}
