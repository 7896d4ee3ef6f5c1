package cloud.scaling.web;

import cloud.scaling.api.model.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Replaces Micronaut's default error JSON for every error the framework itself answers (unknown route,
 * wrong method, unsupported media type, oversized or unreadable body, ...) with the spec's {@code ApiError}.
 * Errors raised by our own code reach the client through {@link ApiExceptionRoute} instead.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        Optional<Problem> unreadable = unreadableRequest(context.getRequest());
        Problem problem = unreadable.orElseGet(() -> classify(context, response.getStatus()));
        if (unreadable.isPresent()) {
            // The connection cannot carry another request after bytes HTTP could not read: say so, or a client
            // sends its next request on it and gets nothing back.
            response.getHeaders().set(io.micronaut.http.HttpHeaders.CONNECTION, "close");
        }
        ApiError body = ErrorResponses.render(context.getRequest(), problem).body();
        // Set here too: a request HTTP could not even parse never reaches the filters that usually set it.
        response.getHeaders().set(RequestIds.HEADER, body.getRequestId().toString());
        return response.status(problem.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(body);
    }

    /**
     * A request line or header block Netty could not decode, which Micronaut answers with 413 (too long) or 400
     * before routing: a URL too long is 414, headers too large 431, anything else unreadable 400.
     */
    private static Optional<Problem> unreadableRequest(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty)
                || !netty.getNativeRequest().decoderResult().isFailure()) {
            return Optional.empty();
        }
        Throwable cause = netty.getNativeRequest().decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            return Optional.of(new Problem(
                    HttpStatus.REQUEST_URI_TOO_LONG,
                    "uri_too_long",
                    "The request line (method, path and query) exceeds the server's limit of 4096 bytes."));
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Optional.of(new Problem(
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "headers_too_large",
                    "The request headers exceed the server's limit of 8192 bytes."));
        }
        return Optional.of(Problem.badRequest("invalid_request", "The request cannot be read as HTTP."));
    }

    private static Problem classify(ErrorContext context, HttpStatus status) {
        Throwable cause = context.getRootCause().orElse(null);
        String method = context.getRequest().getMethodName();
        String path = context.getRequest().getPath();
        return switch (status) {
            case NOT_FOUND -> new Problem(status, "not_found", "No such route: " + method + " " + path + ".");
            case METHOD_NOT_ALLOWED ->
                new Problem(
                        status,
                        "method_not_allowed",
                        method + " is not allowed on " + path + "; see the Allow header.");
            case UNSUPPORTED_MEDIA_TYPE -> ContentTypeFilter.UNSUPPORTED;
            case NOT_ACCEPTABLE ->
                new Problem(
                        status,
                        "not_acceptable",
                        "This operation answers none of the media types the Accept header accepts; the API reference"
                                + " lists those it answers.");
            case REQUEST_ENTITY_TOO_LARGE -> BodyLimits.tooLarge(path);
            case BAD_REQUEST -> badRequest(cause);
            default ->
                status.getCode() >= 500
                        ? Problem.internal()
                        : new Problem(status, "invalid_request", "The request cannot be served as sent.");
        };
    }

    private static Problem badRequest(Throwable cause) {
        if (cause instanceof UnsatisfiedBodyRouteException) {
            return Problem.badRequest("missing_body", "This operation needs a JSON request body.");
        }
        if (cause instanceof JsonSyntaxException) {
            return Problem.badRequest("malformed_json", "The request body is not valid JSON.");
        }
        return Problem.badRequest("invalid_request", "The request cannot be read.");
    }
}
