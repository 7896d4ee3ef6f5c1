package cloud.scaling.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds the first field of a JSON body whose JSON type (or, for enums, UUIDs and timestamps, whose text) does
 * not fit the generated model the operation reads, or that the model does not have at all (strict bodies: a
 * misspelt field would otherwise be dropped silently, e.g. an incident created without its escalation policy).
 * Serde reports such failures without naming the field for arrays and objects, so the body is checked against
 * the model's introspection instead, giving a path like {@code maintenanceWindow.startedAt} or
 * {@code aliases[2]}.
 */
final class JsonShape {

    private JsonShape() {}

    /**
     * @param strict whether a field the model does not have is refused ({@code unknown_field}); free-key maps
     *     (labels, attributes) are never checked for names
     */
    static Optional<Problem> firstMismatch(JsonNode value, Argument<?> type, String path, boolean strict) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Class<?> javaType = type.getType();
        if (CharSequence.class.isAssignableFrom(javaType)) {
            return expect(value.isString(), path, "a string");
        }
        if (javaType == Integer.class || javaType == Long.class || javaType == int.class || javaType == long.class) {
            Optional<Problem> notInteger = expect(value.isNumber() && isIntegral(value), path, "an integer");
            return notInteger.isPresent()
                    ? notInteger
                    : inRange(value.getNumberValue(), javaType == Integer.class || javaType == int.class, path);
        }
        if (Number.class.isAssignableFrom(javaType) || javaType == double.class || javaType == float.class) {
            return expect(value.isNumber(), path, "a number");
        }
        if (javaType == Boolean.class || javaType == boolean.class) {
            return expect(value.isBoolean(), path, "a boolean");
        }
        if (javaType.isEnum()) {
            return enumValue(value, javaType, path);
        }
        if (javaType == UUID.class || javaType == OffsetDateTime.class || javaType == LocalDate.class) {
            return formatted(value, javaType, path);
        }
        if (Collection.class.isAssignableFrom(javaType)) {
            return array(value, type, path, strict);
        }
        if (Map.class.isAssignableFrom(javaType)) {
            return map(value, type, path, strict);
        }
        return BeanIntrospector.SHARED
                .findIntrospection(javaType)
                .flatMap(introspection -> object(value, introspection, path, strict));
    }

    private static Optional<Problem> object(
            JsonNode value, BeanIntrospection<?> introspection, String path, boolean strict) {
        if (!value.isObject()) {
            return Optional.of(Problem.invalid("invalid_type", path.isEmpty() ? "body" : path, "must be an object."));
        }
        for (Map.Entry<String, JsonNode> field : value.entries()) {
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            Optional<BeanProperty<?, Object>> property = property(introspection, field.getKey());
            if (property.isEmpty()) {
                if (strict) {
                    return Optional.of(unknown(introspection, field.getKey(), fieldPath));
                }
                continue;
            }
            Optional<Problem> problem =
                    firstMismatch(field.getValue(), property.get().asArgument(), fieldPath, strict);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return missingRequiredArray(value, introspection, path);
    }

    /** The model's property of that JSON name (the generated models name each one with {@code @JsonProperty}). */
    private static Optional<BeanProperty<?, Object>> property(BeanIntrospection<?> introspection, String name) {
        for (BeanProperty<?, Object> property : introspection.getBeanProperties()) {
            if (jsonName(property).equals(name)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    private static String jsonName(BeanProperty<?, Object> property) {
        return property.stringValue(JsonProperty.class).orElse(property.getName());
    }

    /**
     * A field the body's schema does not have, naming the one it most likely meant when the two differ only in
     * case, underscores or hyphens ({@code escalation_policy_id} for {@code escalationPolicyId}).
     */
    private static Problem unknown(BeanIntrospection<?> introspection, String name, String path) {
        String suggestion = "";
        for (BeanProperty<?, Object> property : introspection.getBeanProperties()) {
            if (loose(jsonName(property)).equals(loose(name))) {
                suggestion = " Did you mean " + jsonName(property) + "?";
            }
        }
        return Problem.invalid("unknown_field", path, "is not a field of this request body." + suggestion);
    }

    private static String loose(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A required array left out of the body: serde binds it as an empty list, which validation would then call
     * too short, so absence is reported here as what it is.
     */
    private static Optional<Problem> missingRequiredArray(
            JsonNode value, BeanIntrospection<?> introspection, String path) {
        for (BeanProperty<?, Object> property : introspection.getBeanProperties()) {
            if (Collection.class.isAssignableFrom(property.getType())
                    && property.hasAnnotation(jakarta.validation.constraints.NotNull.class)
                    && value.get(property.getName()) == null) {
                String fieldPath = path.isEmpty() ? property.getName() : path + "." + property.getName();
                return Optional.of(Problem.invalid("missing_field", fieldPath, "is required."));
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> array(JsonNode value, Argument<?> type, String path, boolean strict) {
        if (!value.isArray()) {
            return Optional.of(Problem.invalid("invalid_type", path, "must be an array."));
        }
        Argument<?> element = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
        int index = 0;
        for (JsonNode item : value.values()) {
            String itemPath = path + "[" + index++ + "]";
            if (item.isNull()) {
                // No array of the spec has nullable items; a null item is a missing one (as bean validation says of
                // eventTypes).
                return Optional.of(Problem.invalid("missing_field", itemPath, "must not be null."));
            }
            Optional<Problem> problem = firstMismatch(item, element, itemPath, strict);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** A JSON object of free keys (attributes, labels): every value must fit the map's value type. */
    private static Optional<Problem> map(JsonNode value, Argument<?> type, String path, boolean strict) {
        if (!value.isObject()) {
            return Optional.of(Problem.invalid("invalid_type", path, "must be an object."));
        }
        Argument<?>[] variables = type.getTypeParameters();
        Argument<?> element = variables.length == 2 ? variables[1] : Argument.OBJECT_ARGUMENT;
        for (Map.Entry<String, JsonNode> entry : value.entries()) {
            Optional<Problem> problem = firstMismatch(entry.getValue(), element, path + "." + entry.getKey(), strict);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> enumValue(JsonNode value, Class<?> enumType, String path) {
        String allowed =
                Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        boolean known = value.isString()
                && Arrays.stream(enumType.getEnumConstants())
                        .anyMatch(constant -> constant.toString().equals(value.getStringValue()));
        return known
                ? Optional.empty()
                : Optional.of(Problem.invalid("invalid_enum_value", path, "must be one of " + allowed + "."));
    }

    private static Optional<Problem> formatted(JsonNode value, Class<?> javaType, String path) {
        String expected = javaType == UUID.class
                ? "a UUID"
                : javaType == LocalDate.class ? "a date as YYYY-MM-DD" : "an ISO-8601 timestamp";
        if (!value.isString()) {
            return Optional.of(Problem.invalid("invalid_type", path, "must be a string: " + expected + "."));
        }
        try {
            if (javaType == UUID.class) {
                UUID.fromString(value.getStringValue());
                return Optional.empty();
            }
            boolean inRange = javaType == LocalDate.class
                    ? CalendarRange.contains(LocalDate.parse(value.getStringValue()))
                    : CalendarRange.contains(OffsetDateTime.parse(value.getStringValue()));
            return inRange
                    ? Optional.empty()
                    : Optional.of(Problem.invalid("invalid_format", path, "must be " + expected + "."));
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            return Optional.of(Problem.invalid("invalid_format", path, "must be " + expected + "."));
        }
    }

    /**
     * An integer the field's Java type holds (int32 or int64, as the spec's format says); a bigger one was bound
     * wrapped around, or failed binding as a 400.
     */
    private static Optional<Problem> inRange(Number number, boolean int32, String path) {
        long min = int32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = int32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        boolean fits = number instanceof java.math.BigInteger big
                ? big.bitLength() < 64 && big.longValue() >= min && big.longValue() <= max
                : number.longValue() >= min && number.longValue() <= max;
        return fits
                ? Optional.empty()
                : Optional.of(Problem.invalid("out_of_range", path, "must be between " + min + " and " + max + "."));
    }

    private static boolean isIntegral(JsonNode value) {
        Number number = value.getNumberValue();
        return !(number instanceof Double || number instanceof Float || number instanceof java.math.BigDecimal);
    }

    private static Optional<Problem> expect(boolean fits, String path, String what) {
        return fits ? Optional.empty() : Optional.of(Problem.invalid("invalid_type", path, "must be " + what + "."));
    }
}
