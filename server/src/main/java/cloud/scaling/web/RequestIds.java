package cloud.scaling.web;

import io.micronaut.http.HttpRequest;
import java.util.UUID;

/** The per-request id, kept as a request attribute so that filters, handlers and error bodies agree on it. */
public final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "scaling.requestId";

    private RequestIds() {}

    /** The request's id, assigned on first use. */
    public static UUID of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, UUID.class).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }
}
