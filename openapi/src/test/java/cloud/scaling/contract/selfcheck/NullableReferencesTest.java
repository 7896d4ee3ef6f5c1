package cloud.scaling.contract.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.spec.NullableReferences;
import cloud.scaling.contract.spec.SchemaCheck;
import cloud.scaling.contract.spec.Spec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A nullable reference ({@code anyOf: [{$ref: X}, {$ref: NullValue}]}) reads "the referenced schema, or null" to the
 * strict validator as it is, without help: null passes, and a value still has to fit the schema. For openapi-diff it
 * is brought to the releases' older form (see {@link NullableReferences}).
 */
class NullableReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaCheck CHECK = new SchemaCheck(Spec.current().text());

    @Test
    void nullPassesWhereTheSpecSaysNullable() throws Exception {
        assertEquals(List.of(), CHECK.problems(update(), "Update"));
    }

    @Test
    void aValueMustStillFitTheReferencedSchema() throws Exception {
        ObjectNode unknownStatus = update().put("statusChange", "sleeping");
        assertFalse(CHECK.problems(unknownStatus, "Update").isEmpty(), "an unknown status must not pass");
        ObjectNode nameless = update();
        nameless.putObject("redactedBy").put("id", "user_2xyz789");
        assertFalse(CHECK.problems(nameless, "Update").isEmpty(), "a redactor without a name must not pass");
        ObjectNode redacted = update().put("statusChange", "identified");
        redacted.putObject("redactedBy").put("id", "user_2xyz789").put("name", "Ada Lovelace");
        assertEquals(List.of(), CHECK.problems(redacted, "Update"));
    }

    @Test
    void openApiDiffGetsTheOlderFormOfEachNullableReference() {
        String plain = "openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      type: string\n";
        assertEquals(plain, NullableReferences.asAllOf(plain));
        String older = NullableReferences.asAllOf(Spec.current().text());
        assertFalse(older.contains("- $ref: \"#/components/schemas/NullValue\""), "no anyOf with NullValue is left");
        assertTrue(older.contains("allOf:\n          - $ref: \"#/components/schemas/UserRef\""), older);
    }

    private static ObjectNode update() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"id": "5d0f7c1e-8a3b-4f2e-9c6d-1b2a3c4d5e6f", "incidentId": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
                 "body": "Failover started.", "statusChange": null, "visibility": "internal",
                 "postedBy": {"id": "user_2xyz789", "name": "Ada Lovelace"}, "postedAt": "2026-04-07T10:05:00.000Z",
                 "redactedAt": null, "redactedBy": null}""");
    }
}
