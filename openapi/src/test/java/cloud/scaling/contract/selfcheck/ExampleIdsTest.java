package cloud.scaling.contract.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.spec.Spec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every id in the spec's text (examples, descriptions, error messages) has a prefix the server issues, and an id
 * in a field that names its kind ({@code scheduleId}, {@code componentIds}, …) has that kind's prefix: readers
 * copy examples, and a {@code sched_…} the server never issues teaches them a format that does not exist.
 */
@Order(3)
class ExampleIdsTest {

    /**
     * The prefixes of the server's public ids ({@code RandomIds.prefixed}, {@code SortableIds.next}) and of the
     * webhook signing secrets ({@code whsec_}) and page links ({@code ptk_}, the id part of a link's token). Listed here because the openapi module builds before, and
     * without, the server.
     */
    private static final Set<String> ISSUED = Set.of(
            "alt", "arj", "cm", "cmp", "ep", "hook", "int", "key", "lyr", "msg", "org", "orginv", "ovr", "pge", "ptk",
            "rp", "sch", "step", "user", "wh", "whsec");

    /**
     * Fields whose name says which kind of id they hold ({@code layerId} does not: an on-call layer is {@code lyr_},
     * an escalation policy's layer a {@code step_}; nor does {@code policyId}).
     */
    private static final Map<String, String> FIELD_PREFIX = Map.ofEntries(
            Map.entry("scheduleId", "sch"),
            Map.entry("ownerScheduleId", "sch"),
            Map.entry("overrideId", "ovr"),
            Map.entry("componentId", "cmp"),
            Map.entry("componentIds", "cmp"),
            Map.entry("escalationPolicyId", "ep"),
            Map.entry("routingPolicyId", "rp"),
            Map.entry("integrationId", "int"),
            Map.entry("orgId", "org"),
            Map.entry("userId", "user"),
            Map.entry("userIds", "user"),
            Map.entry("participantIds", "user"),
            Map.entry("workingHoursId", "wh"),
            Map.entry("endpointId", "hook"),
            Map.entry("contactMethodId", "cm"));

    /** A prefixed id: lower-case kind, underscore, base62 with at least one digit or capital (not an error code). */
    private static final Pattern ID = Pattern.compile("\\b([a-z]+)_(?=[0-9A-Za-z]*[0-9A-Z])[0-9A-Za-z]{5,}\\b");

    @Test
    void everyIdInTheSpecHasAPrefixTheServerIssues() throws IOException {
        List<String> problems = problems(Spec.current().text());
        assertTrue(problems.isEmpty(), () -> "Ids the server never issues:\n  - " + String.join("\n  - ", problems));
    }

    @Test
    void aWrongPrefixIsFoundInAnExampleAndInANamedField() throws IOException {
        String text = Spec.current().text();
        assertTrue(text.contains("sch_0Mv3kQ8pZr2Lx7Tb"), "this test rewrites a schedule id of the spec");
        List<String> problems = problems(text.replace("sch_0Mv3kQ8pZr2Lx7Tb", "sched_0Mv3kQ8pZr2Lx7Tb"));
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("sched_0Mv3kQ8pZr2Lx7Tb: no id of the server starts with")),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("scheduleId")), problems::toString);

        List<String> swapped = problems(text.replaceFirst("scheduleId: sch_", "scheduleId: cmp_"));
        assertEquals(1, swapped.size(), swapped::toString);
        assertTrue(swapped.get(0).contains("scheduleId holds cmp_"), swapped::toString);
    }

    private static List<String> problems(String text) throws IOException {
        List<String> problems = new ArrayList<>();
        walk(new ObjectMapper(new YAMLFactory()).readTree(text), "", null, problems);
        return problems;
    }

    /** {@code field}: the name the value at hand is known by (a property, a parameter, an example's schema). */
    private static void walk(JsonNode node, String pointer, String field, List<String> problems) {
        if (node.isTextual()) {
            check(node.asText(), pointer, field, problems);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, field, problems);
            }
        } else if (node.isObject()) {
            // A parameter's or property's own example is known by the parameter's or property's name.
            String named = node.hasNonNull("name") && node.get("name").isTextual()
                    ? node.get("name").asText()
                    : field;
            node.fields().forEachRemaining(child -> {
                String key = child.getKey();
                String childField = key.equals("example") ? named : key;
                walk(child.getValue(), pointer + "/" + key, childField, problems);
            });
        }
    }

    private static void check(String value, String pointer, String field, List<String> problems) {
        Matcher id = ID.matcher(value);
        while (id.find()) {
            if (!ISSUED.contains(id.group(1))) {
                problems.add(pointer + ": " + id.group() + ": no id of the server starts with " + id.group(1) + "_");
            }
        }
        String expected = field == null ? null : FIELD_PREFIX.get(field);
        Matcher whole = ID.matcher(value);
        if (expected != null && whole.matches() && !whole.group(1).equals(expected)) {
            problems.add(pointer + ": " + field + " holds " + value + ", not a " + expected + "_ id");
        }
    }
}
