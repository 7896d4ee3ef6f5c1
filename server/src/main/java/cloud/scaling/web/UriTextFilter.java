package cloud.scaling.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.util.Optional;

/**
 * Applies the {@link StorableText} rule to path and query parameters: {@code /v1/components/cmp_x%00} or an
 * invalid percent-encoded UTF-8 sequence answers {@code 422 invalid_format} naming the parameter. Read from the
 * raw URI, because the framework's decoding replaces invalid bytes silently. The responder pages' tokens too: the
 * spec holds every path to the rule.
 */
@ServerFilter({"/v1/**", "/respond/**"})
public class UriTextFilter implements Ordered {

    @RequestFilter
    public void check(HttpRequest<?> request) {
        firstUnstorableParameter(request).ifPresent(name -> {
            throw new ApiException(StorableText.problem(name));
        });
    }

    private static Optional<String> firstUnstorableParameter(HttpRequest<?> request) {
        String rawPath = request.getUri().getRawPath();
        String[] segments = rawPath == null ? new String[0] : rawPath.split("/", -1);
        Optional<String[]> template = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match)
                        .getRouteInfo()
                        .getUriMatchTemplate()
                        .toString()
                        .split("/", -1));
        for (int i = 0; i < segments.length; i++) {
            if (!StorableText.isStorable(StorableText.percentDecode(segments[i], false))) {
                return Optional.of(parameterName(template.orElse(null), segments.length, i));
            }
        }
        String rawQuery = request.getUri().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = StorableText.percentDecode(equals < 0 ? pair : pair.substring(0, equals), true);
                String value = equals < 0 ? "" : StorableText.percentDecode(pair.substring(equals + 1), true);
                if (!StorableText.isStorable(name) || !StorableText.isStorable(value)) {
                    return Optional.of(StorableText.isStorable(name) ? name : "query");
                }
            }
        }
        return Optional.empty();
    }

    /** The route's name for path segment {@code index} ({@code id} for {@code {id}}), else "path". */
    private static String parameterName(String[] template, int segments, int index) {
        if (template != null && template.length == segments && template[index].startsWith("{")) {
            return template[index].replaceAll("[{}]", "").split(":", 2)[0];
        }
        return "path";
    }

    @Override
    public int getOrder() {
        // After authentication: an unauthenticated caller learns nothing about its parameters.
        return HIGHEST_PRECEDENCE + 200;
    }
}
