package cloud.scaling.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the negative cases of an operation from its schemas, so that a new field or parameter gets its
 * negative tests without anyone writing them: each required field missing or null, each field with a wrong
 * JSON type, each string over its maxLength or under its minLength, each enum with an unknown value, each
 * number out of range and each formatted string (uuid, date, date-time) malformed. The expected codes are the
 * ones the spec's {@code ValidationFailed} response describes.
 */
public final class Violations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String UNKNOWN_ENUM_VALUE = "no_such_value";

    private Violations() {}

    public static List<Violation> of(SpecOperation operation) {
        List<Violation> violations = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if ("path".equals(parameter.getIn()) || "query".equals(parameter.getIn())) {
                violations.addAll(parameter(parameter));
            }
        }
        operation.requestSchema().ifPresent(schema -> body(schema, "", Map.of(), violations));
        return violations;
    }

    private static List<Violation> parameter(Parameter parameter) {
        List<Violation> violations = new ArrayList<>();
        String name = parameter.getName();
        String location = parameter.getIn();
        if ("query".equals(location) && Boolean.TRUE.equals(parameter.getRequired())) {
            violations.add(new Violation(location, name, name, "missing", null, "missing_field"));
        }
        // Every query and path value is text on the wire: a "wrong type" is text that does not parse.
        for (Breach breach : valueBreaches(parameter.getSchema(), false)) {
            violations.add(new Violation(location, name, name, breach.what(), breach.value(), breach.code()));
        }
        return violations;
    }

    /**
     * @param setUp what must be in the body before a field under {@code pointer} can be broken: the optional
     *              objects and arrays on the way, each with a valid value
     */
    private static void body(
            Schema<?> schema, String pointer, Map<String, JsonNode> setUp, List<Violation> violations) {
        Set<String> required = Schemas.required(schema);
        Schemas.properties(schema).forEach((name, property) -> {
            String at = pointer + "/" + name;
            if (required.contains(name)) {
                violations.add(new Violation("body", at, name, "missing", null, "missing_field", setUp));
                if (!Schemas.nullable(property)) {
                    violations.add(new Violation("body", at, name, "null", JSON.nullNode(), "missing_field", setUp));
                }
            }
            for (Breach breach : valueBreaches(property, true)) {
                violations.add(new Violation("body", at, name, breach.what(), breach.value(), breach.code(), setUp));
            }
            if (Schemas.isObject(property)) {
                body(property, at, with(setUp, at, Samples.valid(property)), violations);
            } else if ("array".equals(Schemas.type(property)) && Schemas.isObject(property.getItems())) {
                // As many items as the array needs (minItems), at least one: only the item's field is broken.
                ArrayNode items = (ArrayNode) Samples.valid(property);
                if (items.isEmpty()) {
                    items.add(Samples.valid(property.getItems()));
                }
                body(property.getItems(), at + "/0", with(setUp, at, items), violations);
            }
        });
    }

    private static Map<String, JsonNode> with(Map<String, JsonNode> setUp, String pointer, JsonNode value) {
        Map<String, JsonNode> extended = new LinkedHashMap<>(setUp);
        extended.put(pointer, value);
        return extended;
    }

    private record Breach(String what, JsonNode value, String code) {}

    private static List<Breach> valueBreaches(Schema<?> schema, boolean json) {
        List<Breach> breaches = new ArrayList<>();
        String type = Schemas.type(schema);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && "string".equals(type)) {
            // For an enum anything outside the list, a number included, is "not one of the values": the server
            // answers invalid_enum_value with the allowed values, which is the more useful message.
            breaches.add(new Breach("unknown enum value", JSON.textNode(UNKNOWN_ENUM_VALUE), "invalid_enum_value"));
            if (json) {
                breaches.add(new Breach("a number for an enum", JSON.numberNode(12345), "invalid_enum_value"));
            }
            return breaches;
        }
        wrongType(type, json, breaches);
        if ("string".equals(type)) {
            stringBreaches(schema, breaches);
        }
        if ("integer".equals(type) || "number".equals(type)) {
            rangeBreaches(schema, json, breaches);
        }
        return breaches;
    }

    private static void wrongType(String type, boolean json, List<Breach> breaches) {
        JsonNode wrong = switch (type) {
            case "string" -> json ? JSON.numberNode(12345) : null; // any text is a string in a URL
            case "integer", "number" -> JSON.textNode("not-a-number");
            case "boolean" -> JSON.textNode("not-a-boolean");
            case "array", "object" -> json ? JSON.textNode("not-an-" + type) : null;
            default -> null;
        };
        if (wrong != null) {
            breaches.add(new Breach("wrong type (" + wrong + " for " + type + ")", wrong, "invalid_type"));
        }
    }

    private static void stringBreaches(Schema<?> schema, List<Breach> breaches) {
        if (schema.getMaxLength() != null) {
            breaches.add(new Breach(
                    "over maxLength " + schema.getMaxLength(),
                    JSON.textNode("x".repeat(schema.getMaxLength() + 1)),
                    "too_long"));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            breaches.add(new Breach(
                    "under minLength " + schema.getMinLength(),
                    JSON.textNode("x".repeat(schema.getMinLength() - 1)),
                    "too_short"));
        }
        String format = schema.getFormat();
        if ("uuid".equals(format) || "date".equals(format) || "date-time".equals(format)) {
            breaches.add(new Breach("not a " + format, JSON.textNode("not-a-" + format), "invalid_format"));
        }
    }

    private static void rangeBreaches(Schema<?> schema, boolean json, List<Breach> breaches) {
        BigDecimal step = "integer".equals(Schemas.type(schema)) ? BigDecimal.ONE : new BigDecimal("0.001");
        if (schema.getMinimum() != null) {
            BigDecimal below = schema.getMinimum().subtract(step);
            breaches.add(new Breach("below minimum " + schema.getMinimum(), number(below, json), "out_of_range"));
        }
        if (schema.getMaximum() != null) {
            BigDecimal above = schema.getMaximum().add(step);
            breaches.add(new Breach("above maximum " + schema.getMaximum(), number(above, json), "out_of_range"));
        }
    }

    private static JsonNode number(BigDecimal value, boolean json) {
        return json ? JSON.numberNode(value) : JSON.textNode(value.toPlainString());
    }
}
