package cloud.scaling.client;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * The server could not be reached, or did not answer within the timeout. Timeouts have already been retried
 * (see {@link ScalingClient}) when this is thrown; other I/O failures, such as a refused connection, are not.
 */
public final class ScalingTransportException extends ScalingException {

    private static final long serialVersionUID = 1L;

    ScalingTransportException(String message, IOException cause) {
        super(message, cause);
    }

    /** Whether the server did not answer in time (as opposed to, say, refusing the connection). */
    public boolean isTimeout() {
        return getCause() instanceof HttpTimeoutException;
    }
}
