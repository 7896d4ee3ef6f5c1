package cloud.scaling.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
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

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        LOG.error("Unexpected error in request {} {} (requestId {})", request.getMethodName(), request.getPath(),
                RequestIds.of(request), exception);
        return ErrorResponses.render(request, Problem.internal());
    }
}
