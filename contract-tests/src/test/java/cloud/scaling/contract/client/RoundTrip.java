package cloud.scaling.contract.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what the spec's example says with what the client read, field by field. Equal means the same
 * value; a timestamp equals another written differently for the same instant, and an absent field equals a
 * null one (the client may omit nulls when it writes a model back out, which loses nothing).
 */
final class RoundTrip {

    private RoundTrip() {}

    static void compare(JsonNode expected, JsonNode actual, String pointer, List<String> losses) {
        String at = pointer.isEmpty() ? "/" : pointer;
        if (isNull(expected) || isNull(actual)) {
            if (isNull(expected) != isNull(actual)) {
                losses.add(at + ": example " + show(expected) + ", client " + show(actual));
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> compare(expected.path(name), actual.path(name), pointer + "/" + name, losses));
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), pointer + "/" + i, losses);
            }
        } else if (!sameValue(expected, actual)) {
            losses.add(at + ": example " + show(expected) + ", client " + show(actual));
        }
    }

    private static String show(JsonNode node) {
        return node == null || node.isMissingNode() ? "absent" : node.toString();
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isTextual() && actual.isTextual()) {
            return expected.asText().equals(actual.asText()) || sameInstant(expected.asText(), actual.asText());
        }
        return expected.equals(actual);
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return OffsetDateTime.parse(a)
                    .toInstant()
                    .equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }
}
