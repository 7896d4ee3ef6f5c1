package cloud.scaling.contract.compat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.spec.Spec;
import cloud.scaling.contract.spec.SpecOperation;
import cloud.scaling.contract.spec.SpecVariant;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/**
 * Proves the gate catches what it must, with a readable message, by feeding it deliberately broken variants of
 * today's spec (as if they were the next version), and that it lets additive changes and major releases pass.
 */
class BreakingChangeGateSelfTest {

    private static final Spec SPEC = Spec.current();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aRemovedOperationIsRefusedByName() {
        SpecOperation victim = SPEC.operations().get(0);
        assertRefusedWith(
                SpecVariant.of(SPEC.text()).remove(SpecVariant.pointerTo(victim)),
                victim.operationId() + " (" + victim.method() + " " + victim.path() + "): operation removed");
    }

    @Test
    void aNewRequiredRequestFieldIsRefusedNamingOperationAndField() {
        SpecOperation victim = bodyTaker();
        assertRefusedWith(
                withNewRequestField(victim, true),
                victim.operationId() + " (" + victim.method() + " " + victim.path()
                        + ") request body field contractTestField: newly required in the request");
    }

    @Test
    void aRemovedResponseStatusIsRefusedNamingIt() {
        SpecOperation victim = SPEC.operations().stream()
                .filter(op -> op.documents(404))
                .findFirst()
                .orElseThrow();
        assertRefusedWith(
                SpecVariant.of(SPEC.text()).remove(SpecVariant.pointerTo(victim) + "/responses/404"),
                victim.operationId() + " (" + victim.method() + " " + victim.path() + ") response 404: removed");
    }

    @Test
    void anAdditiveChangePassesAndAsksForTheNextMinorVersion() {
        int[] version = BreakingChangeGate.semantic(SPEC.version());
        BreakingChangeGate.Verdict verdict = judge(withNewRequestField(bodyTaker(), false));
        assertTrue(verdict.accepted(), verdict.message());
        assertTrue(
                verdict.message().contains("raise it to " + version[0] + "." + (version[1] + 1) + ".0"),
                verdict.message());
    }

    @Test
    void anAdditiveChangeWithTheMinorVersionRaisedPassesQuietly() {
        int[] version = BreakingChangeGate.semantic(SPEC.version());
        BreakingChangeGate.Verdict verdict = judge(withNewRequestField(bodyTaker(), false)
                .set("/info/version", JSON.textNode(version[0] + "." + (version[1] + 1) + ".0")));
        assertTrue(verdict.accepted(), verdict.message());
        assertFalse(verdict.message().contains("raise"), verdict.message());
    }

    @Test
    void anUnchangedSpecPassesQuietly() {
        BreakingChangeGate.Verdict verdict = judge(SpecVariant.of(SPEC.text()));
        assertTrue(verdict.accepted(), verdict.message());
        assertFalse(verdict.message().contains("raise"), verdict.message());
    }

    @Test
    void aLowerVersionIsRefused() {
        int[] version = BreakingChangeGate.semantic(SPEC.version());
        String lower = version[2] > 0
                ? version[0] + "." + version[1] + "." + (version[2] - 1)
                : version[1] > 0 ? version[0] + "." + (version[1] - 1) + ".0" : (version[0] - 1) + ".0.0";
        BreakingChangeGate.Verdict verdict =
                judge(SpecVariant.of(SPEC.text()).set("/info/version", JSON.textNode(lower)));
        assertFalse(verdict.accepted(), verdict.message());
        assertTrue(verdict.message().contains("versions only go up"), verdict.message());
    }

    @Test
    void aBreakingChangePassesWithANewMajorVersion() {
        SpecOperation victim = SPEC.operations().get(0);
        int major = BreakingChangeGate.major(SPEC.version());
        BreakingChangeGate.Verdict verdict = judge(SpecVariant.of(SPEC.text())
                .remove(SpecVariant.pointerTo(victim))
                .set("/info/version", JSON.textNode((major + 1) + ".0.0")));
        assertTrue(verdict.accepted(), verdict.message());
        assertTrue(verdict.message().contains("operation removed"), "the accepted breaks are still listed");
    }

    private static void assertRefusedWith(SpecVariant next, String expectedLine) {
        BreakingChangeGate.Verdict verdict = judge(next);
        assertFalse(verdict.accepted(), verdict.message());
        assertTrue(verdict.message().contains("\n  - " + expectedLine), verdict.message());
    }

    private static BreakingChangeGate.Verdict judge(SpecVariant next) {
        return BreakingChangeGate.judge("today's spec", SPEC.text(), next.yaml());
    }

    private static SpecOperation bodyTaker() {
        return SPEC.operations().stream()
                .filter(op -> op.requestSchema().isPresent())
                .findFirst()
                .orElseThrow();
    }

    /** Today's spec with a new string field in the operation's request body, required or optional. */
    private static SpecVariant withNewRequestField(SpecOperation operation, boolean required) {
        SpecVariant variant = SpecVariant.of(SPEC.text());
        String schema = resolvedSchemaPointer(
                variant, SpecVariant.pointerTo(operation) + "/requestBody/content/application~1json/schema");
        variant.set(schema + "/properties/contractTestField", JSON.objectNode().put("type", "string"));
        return required ? variant.append(schema + "/required", "contractTestField") : variant;
    }

    /** Where the schema at {@code pointer} really lives: itself, or the component its $ref names. */
    private static String resolvedSchemaPointer(SpecVariant variant, String pointer) {
        String ref = variant.at(pointer + "/$ref").asText(null);
        return ref == null ? pointer : ref.substring(1);
    }
}
