package cloud.scaling.client;

/** HTTP 429. Too many requests, even after the retries the client already made. */
public final class RateLimitedException extends ScalingApiException {

    private static final long serialVersionUID = 1L;

    RateLimitedException(ErrorBody error) {
        super(error);
    }
}
