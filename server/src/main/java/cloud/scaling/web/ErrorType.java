package cloud.scaling.web;

import io.micronaut.http.HttpStatus;

/** The error families of the spec's {@code ApiError.type}; the family is a function of the HTTP status. */
final class ErrorType {

    private ErrorType() {}

    static String forStatus(HttpStatus status) {
        int code = status.getCode();
        if (code == 401) {
            return "not_authorized_error";
        }
        if (code == 422) {
            return "validation_error";
        }
        if (code >= 500) {
            return "internal_error";
        }
        return "invalid_request_error";
    }
}
