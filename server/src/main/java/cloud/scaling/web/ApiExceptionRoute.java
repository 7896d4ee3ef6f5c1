package cloud.scaling.web;

import cloud.scaling.shared.Refusal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;

/**
 * Answers a domain {@link Refusal} (401, 403, 404, 409, 422 ... by its kind) and the web layer's own
 * {@link ApiException} with their {@link Problem}.
 *
 * <p>A global error route rather than an {@code ExceptionHandler} bean, for speed under load: Micronaut looks
 * a handler bean up for every exception with a {@code Qualifiers.byTypeArgumentsClosest} qualifier, which has
 * no {@code equals}, so every lookup misses the bean-definition cache and inserts into it. With 64 concurrent
 * 404s the blocking threads queued on that cache (jstack: 30 of 32 BLOCKED in
 * {@code ConcurrentLinkedHashMap.put}) and throughput fell from about 8,000 to 800 requests/s. Error routes
 * are matched before handler beans, from the router's fixed list. Validation and conversion errors have routes
 * of their own; only unexpected exceptions still go to a handler bean ({@link UnexpectedErrorHandler}).
 */
@Controller
public class ApiExceptionRoute {

    @Error(global = true, exception = ApiException.class)
    public HttpResponse<?> answer(HttpRequest<?> request, ApiException exception) {
        return ErrorResponses.render(request, exception.problem());
    }

    @Error(global = true, exception = Refusal.class)
    public HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorResponses.render(request, Problem.of(refusal));
    }
}
