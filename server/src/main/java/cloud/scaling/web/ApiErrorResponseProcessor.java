package cloud.scaling.web;

import cloud.scaling.api.model.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import jakarta.inject.Singleton;

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
        Problem problem = classify(context, response.getStatus());
        ApiError body = ErrorResponses.render(context.getRequest(), problem).body();
        return response.status(problem.status()).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    private static Problem classify(ErrorContext context, HttpStatus status) {
        Throwable cause = context.getRootCause().orElse(null);
        String method = context.getRequest().getMethodName();
        String path = context.getRequest().getPath();
        return switch (status) {
            case NOT_FOUND -> new Problem(status, "not_found", "No such route: " + method + " " + path + ".");
            case METHOD_NOT_ALLOWED -> new Problem(status, "method_not_allowed",
                    method + " is not allowed on " + path + "; see the Allow header.");
            case UNSUPPORTED_MEDIA_TYPE -> new Problem(status, "unsupported_media_type",
                    "Send the request body as application/json.");
            case NOT_ACCEPTABLE -> new Problem(status, "not_acceptable",
                    "This operation answers application/json only.");
            case REQUEST_ENTITY_TOO_LARGE -> new Problem(status, "payload_too_large",
                    "The request body exceeds the 256 KiB limit.");
            case BAD_REQUEST -> badRequest(cause);
            default -> status.getCode() >= 500 ? Problem.internal()
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
