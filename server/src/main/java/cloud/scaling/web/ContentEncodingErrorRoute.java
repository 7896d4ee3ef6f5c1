package cloud.scaling.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.netty.handler.codec.compression.DecompressionException;

/**
 * A body sent with {@code Content-Encoding: gzip} (or deflate) that does not decompress is the client's error:
 * {@code 400 invalid_content_encoding}. A global error route for the reason {@link ApiExceptionRoute} gives.
 */
@Controller
public class ContentEncodingErrorRoute {

    static final Problem UNDECODABLE = Problem.badRequest(
            "invalid_content_encoding", "The request body cannot be decompressed as its Content-Encoding header says.");

    @Error(global = true, exception = DecompressionException.class)
    public HttpResponse<?> answer(HttpRequest<?> request, DecompressionException exception) {
        return ErrorResponses.render(request, UNDECODABLE);
    }
}
