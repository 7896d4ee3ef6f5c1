package cloud.scaling.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Path and query parameters are read as strictly as bodies are: the framework's conversion accepts an empty
 * {@code ?limit=} (or {@code ?at=}) as absent, {@code severity=HIGH} as {@code high}, {@code +5} and non-ASCII
 * digits as numbers, a UUID missing a digit and a timestamp in year +999999999. Each such value answers {@code 422}
 * naming the parameter, as the spec says: an empty parameter is refused like any other malformed one.
 */
@ServerFilter("/v1/**")
public class StrictParameterFilter implements Ordered {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    /** RFC 3339's date-time: four-digit years (Java would read ±999,999,999, beyond any database's range). */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

    @RequestFilter
    public void check(HttpRequest<?> request) {
        RouteAttributes.getRouteMatch(request).ifPresent(match -> {
            // All of the method's arguments: the required ones alone leave out the path variables already bound.
            Collection<Argument<?>> arguments = match instanceof MethodBasedRouteMatch<?, ?> method
                    ? Arrays.<Argument<?>>asList(method.getArguments())
                    : match.getRequiredArguments();
            for (Argument<?> argument : arguments) {
                for (String value : values(request, match, argument)) {
                    if (!isStrict(argument.getType(), value)) {
                        throw new ApiException(ConversionErrorHandler.describe(argument));
                    }
                }
            }
        });
    }

    /** The values the request gives {@code argument}: its path variable, or every occurrence in the query. */
    private static List<String> values(HttpRequest<?> request, RouteMatch<?> match, Argument<?> argument) {
        String name = argument.getAnnotationMetadata()
                .stringValue(QueryValue.class)
                .or(() -> argument.getAnnotationMetadata().stringValue(PathVariable.class))
                .orElse(argument.getName());
        if (match instanceof UriRouteMatch<?, ?> uri && uri.getVariableValues().containsKey(name)) {
            return List.of(String.valueOf(uri.getVariableValues().get(name)));
        }
        return request.getParameters().getAll(name);
    }

    private static boolean isStrict(Class<?> type, String value) {
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants())
                    .anyMatch(constant -> constant.toString().equals(value));
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return INTEGER.matcher(value).matches();
        }
        if (type == UUID.class) {
            return UUID_TEXT.matcher(value).matches();
        }
        if (type == LocalDate.class) {
            return DATE.matcher(value).matches();
        }
        if (type == OffsetDateTime.class) {
            return TIMESTAMP.matcher(value).matches();
        }
        return true;
    }

    @Override
    public int getOrder() {
        // After authentication and the text rule (UriTextFilter), which names a parameter with bad bytes first.
        return HIGHEST_PRECEDENCE + 210;
    }
}
