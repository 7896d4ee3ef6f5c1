package cloud.scaling.client;

/** HTTP 422. A body field, path or query parameter breaks the schema; the message names it. */
public final class ValidationException extends ScalingApiException {

    private static final long serialVersionUID = 1L;

    ValidationException(ErrorBody error) {
        super(error);
    }
}
