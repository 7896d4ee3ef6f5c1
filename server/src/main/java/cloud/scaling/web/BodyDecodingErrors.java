package cloud.scaling.web;

import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;

import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Explains why a well-formed JSON body could not be read as the operation's schema: which field, and whether
 * its value had the wrong JSON type or was not one of the enum's values. Serde names the field either as the
 * argument of an {@link InvalidPropertyFormatException} or in its message ("Error decoding property
 * [Severity severity] ..."); the field's declared type then comes from the generated model's introspection.
 */
final class BodyDecodingErrors {

    private static final Pattern PROPERTY = Pattern.compile("Error decoding property \\[\\S+ (\\w+)]");

    private BodyDecodingErrors() {
    }

    static Problem describe(ConversionErrorException error) {
        String field = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InvalidPropertyFormatException invalid && invalid.getArgument().getName() != null) {
                field = invalid.getArgument().getName();
            }
            Matcher property = t.getMessage() == null ? null : PROPERTY.matcher(t.getMessage());
            if (property != null && property.find()) {
                field = property.group(1);
            }
        }
        Class<?> type = field == null ? null : declaredType(error.getArgument().getType(), field);
        if (type == null) {
            return Problem.invalid("invalid_type", "body", "must be a JSON object as the operation's schema describes.");
        }
        if (type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return Problem.invalid("invalid_enum_value", field, "must be one of " + allowed + ".");
        }
        return Problem.invalid("invalid_type", field, "must be " + jsonType(type) + ".");
    }

    private static Class<?> declaredType(Class<?> bodyType, String field) {
        return BeanIntrospector.SHARED.findIntrospection(bodyType)
                .flatMap(introspection -> introspection.getProperty(field))
                .map(BeanProperty::getType)
                .orElse(null);
    }

    private static String jsonType(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
