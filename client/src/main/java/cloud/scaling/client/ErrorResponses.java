package cloud.scaling.client;

import cloud.scaling.client.model.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;

/** Turns an error answer into the matching {@link ScalingApiException}, whatever its body holds. */
final class ErrorResponses {

    private final ObjectMapper mapper;

    ErrorResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ScalingApiException toException(int status, HttpHeaders headers, byte[] body) {
        ErrorBody error = read(status, headers, body);
        return switch (status) {
            case 401 -> new UnauthorizedException(error);
            case 404 -> new NotFoundException(error);
            case 422 -> new ValidationException(error);
            case 429 -> new RateLimitedException(error);
            default -> new ScalingApiException(error);
        };
    }

    private ErrorBody read(int status, HttpHeaders headers, byte[] body) {
        try {
            ApiError error = mapper.readValue(body, ApiError.class);
            if (error != null && error.getCode() != null) {
                return new ErrorBody(
                        status,
                        error.getType(),
                        error.getCode(),
                        error.getRequestId() == null
                                ? headerRequestId(headers)
                                : error.getRequestId().toString(),
                        error.getMessage());
            }
        } catch (IOException notAScalingError) {
            // A proxy or load balancer answered; fall through to what the status line and headers say.
        }
        return new ErrorBody(
                status, null, null, headerRequestId(headers), "HTTP " + status + ": unexpected error response");
    }

    private static String headerRequestId(HttpHeaders headers) {
        return headers.firstValue("X-Request-Id").orElse(null);
    }
}
