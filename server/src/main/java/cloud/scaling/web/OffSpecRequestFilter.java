package cloud.scaling.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Refuses, with the error body, what Micronaut would otherwise serve although the spec describes no such thing:
 * a path with a trailing slash (Micronaut ignores it; the spec's paths have none), {@code HEAD} and
 * {@code OPTIONS} (Micronaut answers HEAD on every GET route; the spec has neither) and a request body sent to
 * an operation that takes none (Micronaut ignores it), and a method that only a path variable's route serves on a
 * path that is also a literal route ({@code PATCH …/layers/order} is not a change to a layer called "order").
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class OffSpecRequestFilter implements Ordered {

    private final Router router;
    private volatile Set<String> literalSegments;

    public OffSpecRequestFilter(Router router) {
        this.router = router;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuse(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            return ErrorResponses.render(
                    request,
                    new Problem(
                            HttpStatus.NOT_FOUND,
                            "not_found",
                            "No such route: " + request.getMethodName() + " " + path
                                    + " (paths end without a slash)."));
        }
        if (request.getMethod() == HttpMethod.HEAD || request.getMethod() == HttpMethod.OPTIONS) {
            return methodNotAllowed(request, path);
        }
        if (shadowed(request)) {
            return methodNotAllowed(request, path);
        }
        Optional<RouteInfo<?>> route = RouteAttributes.getRouteInfo(request);
        if (hasBody(request)
                && route.isPresent()
                && route.get().getRequestBodyType().isEmpty()) {
            return ErrorResponses.render(
                    request,
                    Problem.badRequest(
                            "unexpected_body",
                            request.getMethodName() + " " + path + " takes no request body; send none."));
        }
        return null;
    }

    /**
     * Micronaut's own 405s name HEAD in {@code Allow} (it would answer HEAD on GET routes; the spec has none), and
     * every method of every route the path matches, also a path variable's where a literal route has the path.
     */
    @ResponseFilter
    public void documentedMethodsOnly(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            Set<String> allowed = allowedMethods(request);
            response.getHeaders().remove(HttpHeaders.ALLOW);
            if (!allowed.isEmpty()) {
                response.getHeaders().add(HttpHeaders.ALLOW, String.join(", ", allowed));
            }
        }
    }

    /**
     * 405 with the methods of the path's most literal routes in {@code Allow}, as Micronaut answers other methods;
     * none known is a 404.
     */
    @Nullable
    private HttpResponse<?> methodNotAllowed(HttpRequest<?> request, String path) {
        Set<String> allowed = new TreeSet<>();
        mostLiteralRoutes(request)
                .forEach(route -> allowed.add(route.getHttpMethod().name()));
        allowed.removeAll(Set.of(HttpMethod.HEAD.name(), HttpMethod.OPTIONS.name()));
        if (allowed.isEmpty()) {
            return null;
        }
        return ErrorResponses.render(
                        request,
                        new Problem(
                                HttpStatus.METHOD_NOT_ALLOWED,
                                "method_not_allowed",
                                request.getMethodName() + " is not allowed on " + path + "; see the Allow header."))
                .header(HttpHeaders.ALLOW, String.join(", ", allowed));
    }

    /**
     * Whether the request was routed by a path variable holding a word that a literal route of the same path has
     * in its place: {@code …/layers/order} is its own route, and {@code …/layers/{layerId}} must not serve it the
     * methods the literal route lacks. Only a variable holding one of the routes' literal words is looked at
     * further, so ordinary requests cost a set lookup.
     */
    private boolean shadowed(HttpRequest<?> request) {
        Optional<UriRouteMatch<Object, Object>> match = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(routeMatch -> (UriRouteMatch<Object, Object>) routeMatch);
        if (match.isEmpty()
                || match.get().getVariableValues().values().stream()
                        .noneMatch(value -> literalSegments().contains(String.valueOf(value)))) {
            return false;
        }
        int variables = match.get().getVariableValues().size();
        return mostLiteralRoutes(request).stream()
                .anyMatch(route -> route.getVariableValues().size() < variables);
    }

    private Set<String> allowedMethods(HttpRequest<?> request) {
        Set<String> allowed = new TreeSet<>();
        mostLiteralRoutes(request)
                .forEach(route -> allowed.add(route.getHttpMethod().name()));
        allowed.removeAll(Set.of(HttpMethod.HEAD.name(), HttpMethod.OPTIONS.name()));
        return allowed;
    }

    /** The routes of the request's path with the fewest path variables. */
    private List<UriRouteMatch<Object, Object>> mostLiteralRoutes(HttpRequest<?> request) {
        List<UriRouteMatch<Object, Object>> routes = router.findAny(request);
        int fewest = routes.stream()
                .mapToInt(route -> route.getVariableValues().size())
                .min()
                .orElse(0);
        return routes.stream()
                .filter(route -> route.getVariableValues().size() == fewest)
                .toList();
    }

    private Set<String> literalSegments() {
        Set<String> segments = literalSegments;
        if (segments == null) {
            segments = router.uriRoutes()
                    .flatMap(route -> Arrays.stream(
                            route.getUriMatchTemplate().toPathString().split("/")))
                    .filter(segment -> !segment.isEmpty() && !segment.contains("{"))
                    .collect(Collectors.toUnmodifiableSet());
            literalSegments = segments;
        }
        return segments;
    }

    private static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public int getOrder() {
        // After the request id (every refusal carries one), before authentication (a route that does not
        // exist is a 404 whoever asks).
        return HIGHEST_PRECEDENCE + 10;
    }
}
