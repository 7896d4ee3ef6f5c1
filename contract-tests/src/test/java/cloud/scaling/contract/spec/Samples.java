package cloud.scaling.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The smallest valid instance of a schema: required properties only, each from the schema's own example where
 * it has one, else the first enum value, else a value built from the constraints (length, format, range).
 * Generated requests therefore change with the spec instead of going stale.
 */
public final class Samples {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Samples() {}

    public static JsonNode valid(Schema<?> schema) {
        return valid(schema, "");
    }

    /** A valid value for a parameter, as it goes into a URL. */
    public static String validText(Schema<?> schema) {
        return valid(schema).asText();
    }

    private static JsonNode valid(Schema<?> schema, String where) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return scalar(schema.getEnum().get(0));
        }
        return switch (Schemas.type(schema)) {
            case "object" -> object(schema, where);
            case "array" -> array(schema, where);
            case "string" -> JSON.textNode(string(schema, where));
            case "integer" -> JSON.numberNode(number(schema).longValueExact());
            case "number" -> JSON.numberNode(number(schema));
            case "boolean" -> JSON.booleanNode(true);
            default ->
                throw new IllegalStateException(
                        "Cannot build a sample for " + describe(where) + ": the schema has no type");
        };
    }

    /** An enum value or example as the JSON node it stands for. */
    static JsonNode scalar(Object value) {
        if (value instanceof Number number) {
            return JSON.numberNode(new BigDecimal(number.toString()));
        }
        if (value instanceof Boolean bool) {
            return JSON.booleanNode(bool);
        }
        return JSON.textNode(String.valueOf(value));
    }

    private static ObjectNode object(Schema<?> schema, String where) {
        ObjectNode object = JSON.objectNode();
        Set<String> required = Schemas.required(schema);
        Schemas.properties(schema).forEach((name, property) -> {
            if (required.contains(name)) {
                object.set(name, valid(property, where + "/" + name));
            }
        });
        return object;
    }

    private static ArrayNode array(Schema<?> schema, String where) {
        ArrayNode array = JSON.arrayNode();
        int items = schema.getMinItems() == null ? 0 : schema.getMinItems();
        for (int i = 0; i < items; i++) {
            array.add(valid(schema.getItems(), where + "/" + i));
        }
        return array;
    }

    private static String string(Schema<?> schema, String where) {
        if (schema.getExample() instanceof String example && fitsLength(schema, example)) {
            return example;
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        switch (format) {
            case "uuid":
                return "0b4f8f5e-3f4b-4d0c-9a55-2b8e9f1c7a10";
            case "date":
                return "2026-04-07";
            case "date-time":
                return "2026-04-07T10:00:00.000Z";
            default:
                break;
        }
        if (schema.getPattern() != null) {
            throw new IllegalStateException("Cannot build a sample for " + describe(where) + " (pattern "
                    + schema.getPattern() + "): give it an example in the spec");
        }
        int length = Math.max(1, schema.getMinLength() == null ? 1 : schema.getMinLength());
        return "x".repeat(length);
    }

    private static boolean fitsLength(Schema<?> schema, String value) {
        return (schema.getMinLength() == null || value.length() >= schema.getMinLength())
                && (schema.getMaxLength() == null || value.length() <= schema.getMaxLength());
    }

    private static BigDecimal number(Schema<?> schema) {
        if (schema.getExample() instanceof Number example) {
            return new BigDecimal(example.toString());
        }
        if (schema.getDefault() instanceof Number fallback) {
            return new BigDecimal(fallback.toString());
        }
        if (schema.getMinimum() != null) {
            return schema.getMinimum();
        }
        return schema.getMaximum() != null && schema.getMaximum().signum() < 1 ? schema.getMaximum() : BigDecimal.ONE;
    }

    private static String describe(String where) {
        return where.isEmpty() ? "the body" : where;
    }
}
