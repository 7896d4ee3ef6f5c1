package cloud.scaling.client;

/** HTTP 401. The API key is missing, malformed, unknown or revoked. */
public final class UnauthorizedException extends ScalingApiException {

    private static final long serialVersionUID = 1L;

    UnauthorizedException(ErrorBody error) {
        super(error);
    }
}
