package cloud.scaling.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One way to break a request against the spec, and the answer the spec promises for it: {@code 422
 * validation_error} with {@code expectedCode}, and a message that names {@code field}.
 *
 * @param location  {@code body}, {@code query} or {@code path}
 * @param pointer   where in the body (a JSON pointer) or the parameter's name
 * @param field     the name the error message must mention
 * @param breach    what is wrong, for humans: {@code "over maxLength 100"}
 * @param value     the offending value; {@code null} means "leave it out"
 * @param setUp     body parents to put in place first (pointer → valid value), for a field inside an optional
 *                  object or an array, which the smallest valid body does not have
 */
public record Violation(
        String location,
        String pointer,
        String field,
        String breach,
        JsonNode value,
        String expectedCode,
        Map<String, JsonNode> setUp) {

    public Violation(
            String location, String pointer, String field, String breach, JsonNode value, String expectedCode) {
        this(location, pointer, field, breach, value, expectedCode, Map.of());
    }

    public boolean removesField() {
        return value == null;
    }

    @Override
    public String toString() {
        return location + " " + pointer + " " + breach + " → 422 " + expectedCode;
    }
}
