package cloud.scaling.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * How large a request body may be: 256 KiB, except for the alert ingest operations (the spec's
 * {@code x-max-body-bytes}), which take 8 MiB because a monitoring system sends a whole group of alerts in one
 * notification and never retries one refused with a 4xx. The server's own limit ({@code max-request-size}) is the
 * larger one; this filter holds every other operation to 256 KiB by its {@code Content-Length} before the body is
 * read, and {@link SchemaCheckedJsonReader} by the body's length when it came chunked.
 */
@ServerFilter("/v1/**")
public class BodyLimits implements Ordered {

    static final int DEFAULT_BYTES = 256 * 1024;
    static final int INGEST_BYTES = 8 * 1024 * 1024;

    @RequestFilter
    public void check(HttpRequest<?> request) {
        if (request.getContentLength() > forPath(request.getPath())) {
            throw new ApiException(tooLarge(request.getPath()));
        }
    }

    static int forPath(String path) {
        return SenderPayloads.isPath(path) ? INGEST_BYTES : DEFAULT_BYTES;
    }

    static int forModel(Class<?> model) {
        return SenderPayloads.isModel(model) ? INGEST_BYTES : DEFAULT_BYTES;
    }

    static Problem tooLarge(String path) {
        return tooLarge(forPath(path));
    }

    static Problem tooLarge(int limit) {
        return new Problem(
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "payload_too_large",
                "The request body exceeds this operation's limit of " + (limit == INGEST_BYTES ? "8 MiB" : "256 KiB")
                        + ".");
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 140;
    }
}
