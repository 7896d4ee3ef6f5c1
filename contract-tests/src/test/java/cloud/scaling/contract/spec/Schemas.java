package cloud.scaling.contract.spec;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading a fully resolved OpenAPI 3.0 schema: its type, properties and required fields, allOf merged. */
public final class Schemas {

    private Schemas() {}

    public static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getProperties() != null || !allOf(schema).isEmpty()) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        return firstAlternative(schema) == null ? "any" : type(firstAlternative(schema));
    }

    /** The properties of an object schema, those of its allOf parts included, in declaration order. */
    public static Map<String, Schema<?>> properties(Schema<?> schema) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        allOf(schema).forEach(part -> properties.putAll(properties(part)));
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> properties.put(name, property));
        }
        Schema<?> alternative = firstAlternative(schema);
        if (alternative != null) {
            properties.putAll(properties(alternative));
        }
        return properties;
    }

    public static Set<String> required(Schema<?> schema) {
        Set<String> required = new LinkedHashSet<>();
        allOf(schema).forEach(part -> required.addAll(required(part)));
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        Schema<?> alternative = firstAlternative(schema);
        if (alternative != null) {
            required.addAll(required(alternative));
        }
        return required;
    }

    public static boolean nullable(Schema<?> schema) {
        return Boolean.TRUE.equals(schema.getNullable());
    }

    /** Whether an array property holds objects (or anything with properties) rather than scalars. */
    public static boolean isObject(Schema<?> schema) {
        return "object".equals(type(schema));
    }

    private static List<Schema> allOf(Schema<?> schema) {
        return schema.getAllOf() == null ? List.of() : new ArrayList<>(schema.getAllOf());
    }

    /** For oneOf/anyOf the first alternative stands for the schema: any valid instance will do. */
    private static Schema<?> firstAlternative(Schema<?> schema) {
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return schema.getOneOf().get(0);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return schema.getAnyOf().get(0);
        }
        return null;
    }
}
