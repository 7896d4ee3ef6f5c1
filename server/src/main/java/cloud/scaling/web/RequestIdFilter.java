package cloud.scaling.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Gives every request an id and puts it on every response, success or error, as {@code X-Request-Id}. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    @RequestFilter
    public void assignId(HttpRequest<?> request) {
        RequestIds.of(request);
    }

    @ResponseFilter
    public void exposeId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(RequestIds.HEADER, RequestIds.of(request).toString());
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
