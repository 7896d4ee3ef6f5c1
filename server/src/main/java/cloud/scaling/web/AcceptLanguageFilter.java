package cloud.scaling.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.regex.Pattern;

/**
 * The server answers in one language and reads no {@code Accept-Language}, but Micronaut does (the locale of a
 * route's context, also while it looks for the error route of a 404 or 422), and a malformed one such as {@code ;}
 * made that throw: a 500 instead of the error. A header that is not a well-formed language list is dropped before
 * anything reads it, as if it had not been sent.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AcceptLanguageFilter implements Ordered {

    private static final String RANGE = "(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)(\\s*;\\s*q=[0-9](\\.[0-9]{0,3})?)?";
    private static final Pattern LANGUAGE_LIST = Pattern.compile("\\s*" + RANGE + "(\\s*,\\s*" + RANGE + ")*\\s*");

    @RequestFilter
    public void dropMalformed(HttpRequest<?> request) {
        boolean malformed = request.getHeaders().getAll(HttpHeaders.ACCEPT_LANGUAGE).stream()
                .anyMatch(value -> !LANGUAGE_LIST.matcher(value).matches());
        if (malformed && request.getHeaders() instanceof MutableHttpHeaders headers) {
            headers.remove(HttpHeaders.ACCEPT_LANGUAGE);
        }
    }

    @Override
    public int getOrder() {
        // First of all, before any filter's refusal looks for an error route.
        return HIGHEST_PRECEDENCE;
    }
}
