package cloud.scaling.support;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.stream.Collectors;

/** The small pieces the fixture builders fill their text blocks with: JSON strings, lists and optional fields. */
final class JsonText {

    private JsonText() {}

    /** {@code text} as a JSON string, quoted and escaped; {@code null} for null. */
    static String string(String text) {
        return text == null ? "null" : new TextNode(text).toString();
    }

    static String strings(List<String> texts) {
        return texts.stream().map(JsonText::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code , "name": value} when there is a value, nothing otherwise: for the optional fields of a body. */
    static String optional(String name, String jsonValue) {
        return jsonValue == null ? "" : ", " + string(name) + ": " + jsonValue;
    }

    /** Posts {@code body} to {@code path}, expects {@code 201} and returns the created object's id. */
    static String create(ApiClient api, String path, String body) {
        return api.post(path, body).assertStatus(201).data().get("id").asText();
    }
}
