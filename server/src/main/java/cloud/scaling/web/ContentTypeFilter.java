package cloud.scaling.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.util.Locale;

/**
 * A body must say it is JSON, as the spec promises: without a {@code Content-Type}, with an empty one or with
 * one that is not a media type at all, the framework would read the body as JSON anyway. Only operations that
 * take a body are checked; a wrong but well-formed type is refused by the framework itself (also 415).
 */
@ServerFilter("/v1/**")
public class ContentTypeFilter implements Ordered {

    static final Problem UNSUPPORTED = new Problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send the request body as application/json.");

    @RequestFilter
    public void check(HttpRequest<?> request) {
        if (hasBody(request)
                && takesBody(request)
                && !isJson(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))) {
            throw new ApiException(UNSUPPORTED);
        }
    }

    private static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean takesBody(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(match -> match.getRouteInfo().getBodyArgument().isPresent())
                .orElse(false);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 150;
    }
}
