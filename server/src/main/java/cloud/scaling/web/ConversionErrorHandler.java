package cloud.scaling.web;

import cloud.scaling.shared.Refusal;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A path or query parameter that cannot be read as the type the spec gives it (a UUID, a date, an integer,
 * an enum) answers {@code 422 validation_error} naming the parameter, instead of the framework's 400. Bodies are
 * checked before binding by {@link SchemaCheckedJsonReader}, whose refusal may arrive here wrapped.
 * A global error route, not a handler bean, for the reason {@link ApiExceptionRoute} gives.
 */
@Controller
public class ConversionErrorHandler {

    @Error(global = true, exception = ConversionErrorException.class)
    public HttpResponse<?> handle(HttpRequest<?> request, ConversionErrorException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refused) {
                // The strict body reader refused the body; its problem names the field.
                return ErrorResponses.render(request, refused.problem());
            }
            if (cause instanceof Refusal refused) {
                return ErrorResponses.render(request, Problem.of(refused));
            }
        }
        return ErrorResponses.render(request, describe(exception.getArgument()));
    }

    static Problem describe(Argument<?> argument) {
        String name = argument.getName();
        Class<?> type = argument.getType();
        if (type.isEnum()) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return Problem.invalid("invalid_enum_value", name, "must be one of " + allowed + ".");
        }
        if (type == UUID.class) {
            return Problem.invalid("invalid_format", name, "must be a UUID.");
        }
        if (type == LocalDate.class) {
            return Problem.invalid("invalid_format", name, "must be a date as YYYY-MM-DD.");
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return Problem.invalid("invalid_format", name, "must be an ISO-8601 timestamp.");
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return Problem.invalid("invalid_type", name, "must be an integer.");
        }
        return Problem.invalid("invalid_type", name, "must be a " + type.getSimpleName() + ".");
    }
}
