package cloud.scaling.client;

/**
 * The server answered with an error. Carries the Scaling error body: {@link #statusCode()}, {@link #type()},
 * {@link #code()}, {@link #requestId()} and, as {@link #getMessage()}, its human-readable message. Subtypes exist
 * for the answers callers commonly handle apart: {@link NotFoundException} (404), {@link UnauthorizedException}
 * (401), {@link ValidationException} (422) and {@link RateLimitedException} (429); everything else, such as a 400
 * business-rule violation or a 500, is a plain {@code ScalingApiException}.
 *
 * <p>If the body was not a Scaling error (a proxy's HTML page, say), {@code type} and {@code code} are null, the
 * status is still the HTTP status and the request id comes from the {@code X-Request-Id} header if there was one.
 */
public class ScalingApiException extends ScalingException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String type;
    private final String code;
    private final String requestId;

    ScalingApiException(ErrorBody error) {
        super(error.message(), null);
        this.statusCode = error.statusCode();
        this.type = error.type();
        this.code = error.code();
        this.requestId = error.requestId();
    }

    /** The HTTP status of the answer. */
    public int statusCode() {
        return statusCode;
    }

    /** The error family, such as {@code invalid_request_error}; null if the body was not a Scaling error. */
    public String type() {
        return type;
    }

    /** What went wrong, machine-readable, such as {@code not_found}; null if the body was not a Scaling error. */
    public String code() {
        return code;
    }

    /** The id of the failed request: quote it when reporting a problem. Null only if the server sent none. */
    public String requestId() {
        return requestId;
    }

    @Override
    public String toString() {
        return getClass().getName() + ": HTTP " + statusCode + (code == null ? "" : " " + code) + ": " + getMessage()
                + (requestId == null ? "" : " (request " + requestId + ")");
    }
}
