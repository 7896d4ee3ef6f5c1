package cloud.scaling.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.io.EOFException;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: anything no other handler claims is a server fault. It is logged with the request id so
 * that an operator can find it, and the client gets {@code 500 internal_error} without any internals.
 */
@Produces
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    private static final Problem INCOMPLETE_BODY =
            Problem.badRequest("missing_body", "The connection closed before the whole request body arrived.");

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        if (clientWentAway(exception)) {
            // Not our fault and nobody to answer: the client closed the connection before sending its whole body.
            LOG.debug(
                    "Client disconnected during request {} {} (requestId {})",
                    request.getMethodName(),
                    request.getPath(),
                    RequestIds.of(request));
            return ErrorResponses.render(request, INCOMPLETE_BODY);
        }
        LOG.error(
                "Unexpected error in request {} {} (requestId {})",
                request.getMethodName(),
                request.getPath(),
                RequestIds.of(request),
                exception);
        return ErrorResponses.render(request, Problem.internal());
    }

    /** Netty's body stream fails with an EOFException when the connection closes before the body is complete. */
    private static boolean clientWentAway(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
