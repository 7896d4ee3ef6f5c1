package cloud.scaling.client;

/**
 * Anything that goes wrong in a call through {@link ScalingClient}: either the server answered with an error
 * ({@link ScalingApiException} and its subtypes) or it could not be reached in time
 * ({@link ScalingTransportException}). Unchecked, so that calls compose with streams and lambdas.
 */
public abstract class ScalingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScalingException(String message, Throwable cause) {
        super(message, cause);
    }
}
