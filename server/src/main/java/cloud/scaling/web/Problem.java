package cloud.scaling.web;

import cloud.scaling.shared.Refusal;
import io.micronaut.http.HttpStatus;

/**
 * One error as the API reports it: the HTTP status, the machine-readable {@code code} and a message for
 * humans that names the field at fault. The error {@code type} follows from the status (see {@link ErrorType}).
 */
public record Problem(HttpStatus status, String code, String message) {

    /** A domain refusal as the API answers it: its kind decides the status; code and message go out as they are. */
    public static Problem of(Refusal refusal) {
        return new Problem(status(refusal.kind()), refusal.code(), refusal.getMessage());
    }

    private static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    public static Problem notFound(String what) {
        return of(Refusal.notFound(what));
    }

    public static Problem badRequest(String code, String message) {
        return of(Refusal.badRequest(code, message));
    }

    /** A schema failure on a body field or parameter; the message is prefixed with the field's name. */
    public static Problem invalid(String code, String field, String message) {
        return of(Refusal.invalid(code, field, message));
    }

    /**
     * Honest about what a failure leaves behind: when the database's acknowledgement of a commit is lost, the
     * change was stored although this answer is a 500.
     */
    public static Problem internal() {
        return new Problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "Something went wrong on our side;"
                        + " the change may have been applied. Retry with the same Idempotency-Key, or read the object back."
                        + " Quote the requestId when reporting it.");
    }

    public String type() {
        return ErrorType.forStatus(status);
    }
}
