package cloud.scaling.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.Map;

/**
 * Turns a bean-validation failure of the generated API (the spec's constraints: required, lengths, ranges,
 * patterns) into {@code 422 validation_error} with a code naming the problem and a message naming the field.
 * When several fields fail, the first by field name is reported so that the answer is deterministic.
 * A global error route, not a handler bean, for the reason {@link ApiExceptionRoute} gives.
 */
@Controller
public class ConstraintViolationHandler {

    @Error(global = true, exception = ConstraintViolationException.class)
    public HttpResponse<?> handle(HttpRequest<?> request, ConstraintViolationException exception) {
        ConstraintViolation<?> violation = exception.getConstraintViolations().stream()
                // One field breaking both its length and its pattern is reported as too long/short: a stable
                // answer, and the one that says what to fix first.
                .min(Comparator.<ConstraintViolation<?>, String>comparing(v -> fieldName(v.getPropertyPath()))
                        .thenComparing(v -> isPattern(v) ? 1 : 0))
                .orElseThrow(() -> exception);
        return ErrorResponses.render(request, describe(violation));
    }

    static Problem describe(ConstraintViolation<?> violation) {
        String field = fieldName(violation.getPropertyPath());
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        return switch (constraint.annotationType().getSimpleName()) {
            case "NotNull" -> Problem.invalid("missing_field", field, "is required.");
            case "Size" -> size(field, violation.getInvalidValue(), attributes);
            case "Min", "DecimalMin", "Max", "DecimalMax" ->
                Problem.invalid("out_of_range", field, violation.getMessage() + ".");
            case "Pattern" -> Problem.invalid("invalid_format", field, "must match " + attributes.get("regexp") + ".");
            default -> Problem.invalid("invalid_value", field, violation.getMessage() + ".");
        };
    }

    private static boolean isPattern(ConstraintViolation<?> violation) {
        return "Pattern"
                .equals(violation
                        .getConstraintDescriptor()
                        .getAnnotation()
                        .annotationType()
                        .getSimpleName());
    }

    private static Problem size(String field, Object value, Map<String, Object> attributes) {
        int min = ((Number) attributes.get("min")).intValue();
        int max = ((Number) attributes.get("max")).intValue();
        int actual = value instanceof CharSequence text
                ? text.length()
                : value instanceof java.util.Collection<?> items ? items.size() : min;
        String unit = value instanceof CharSequence ? " characters." : " items.";
        return actual < min
                ? Problem.invalid("too_short", field, "must be at least " + min + unit)
                : Problem.invalid("too_long", field, "must be at most " + max + unit);
    }

    /**
     * The JSON name of the field: the last property of {@code createIncident.incidentCreate.title}, with the
     * index of a list element ({@code aliases[0]}).
     */
    private static String fieldName(Path path) {
        String name = "";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                name = name + "[" + (node.getIndex() == null ? "" : node.getIndex()) + "]";
            } else if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }
}
