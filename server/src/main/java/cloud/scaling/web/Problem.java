package cloud.scaling.web;

import io.micronaut.http.HttpStatus;

/**
 * One error as the API reports it: the HTTP status, the machine-readable {@code code} and a message for
 * humans that names the field at fault. The error {@code type} follows from the status (see {@link ErrorType}).
 */
public record Problem(HttpStatus status, String code, String message) {

    public static Problem notFound(String what) {
        return new Problem(HttpStatus.NOT_FOUND, "not_found", what + " not found.");
    }

    public static Problem badRequest(String code, String message) {
        return new Problem(HttpStatus.BAD_REQUEST, code, message);
    }

    /** A schema failure on a body field or parameter; the message is prefixed with the field's name. */
    public static Problem invalid(String code, String field, String message) {
        return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, code, field + ": " + message);
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
