package cloud.scaling.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A JSON request body must be exactly one JSON value. Micronaut reads the first value and silently drops
 * whatever follows ({@code {"title":"x"}}}), which would accept a truncated or concatenated payload as if it
 * were fine; this filter answers such bodies with {@code 400 malformed_json} before anything is bound.
 */
@ServerFilter(value = "/v1/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
public class SingleJsonValueFilter implements Ordered {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Problem MALFORMED = Problem.badRequest("malformed_json", "The request body is not valid JSON.");

    @RequestFilter
    @Nullable
    public HttpResponse<?> rejectTrailingContent(HttpRequest<?> request, @Body @Nullable String body) {
        boolean json = request.getContentType().map(MediaType.APPLICATION_JSON_TYPE::matches).orElse(false);
        if (!json || body == null || body.isBlank() || isSingleValue(body)) {
            return null;
        }
        return ErrorResponses.render(request, MALFORMED);
    }

    private static boolean isSingleValue(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return true;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JsonProcessingException malformed) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 200;
    }
}
