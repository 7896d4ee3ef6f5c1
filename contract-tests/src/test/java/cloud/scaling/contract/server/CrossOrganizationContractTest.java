package cloud.scaling.contract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.Schemas;
import cloud.scaling.contract.spec.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Organizations never see each other. For every operation that takes an id (a path parameter in the spec),
 * organization B's key gets {@code 404 not_found} for A's objects, exactly as for objects that do not exist,
 * and A's object (or, for an action on it, the object it acts on) is unchanged afterwards. No GET answers B with anything of A's: not A's ids, not A's orgId.
 */
class CrossOrganizationContractTest extends ServerContractTest {

    @TestFactory
    Stream<DynamicTest> anotherOrganizationsObjectsAreNotFound() {
        return operations(op -> op.secured() && op.takesId()).stream()
                .map(op -> dynamicTest(op.label(), () -> {
                    Org a = newOrg();
                    Org b = newOrg();
                    String path = objects.path(op, a);
                    Optional<JsonNode> before = readBack(op, path, a);

                    JsonNode error = validCall(op, path, b).send().expectError(404, "not_found");
                    assertFalse(
                            error.toString().contains(a.orgId()),
                            op.label() + "'s 404 names the owner organization: " + error);

                    before.ifPresent(state -> assertEquals(
                            state,
                            readBack(op, path, a).orElseThrow(),
                            op.label() + " as organization B changed organization A's object"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> noReadShowsAnotherOrganizationsRows() {
        Org a = newOrg();
        Org b = newOrg();
        List<SpecOperation> reads = operations(op -> op.secured() && "GET".equals(op.method()));
        // A fills every collection the spec can create objects in; B gets its own objects of each kind.
        SPEC.operations().stream().filter(SpecOperation::takesId).forEach(op -> {
            objects.path(op, a);
            objects.path(op, b);
        });
        return reads.stream()
                .map(op -> dynamicTest(op.label(), () -> {
                    JsonNode answer = validCall(op, b).send().expect(200).json();
                    List<String> leaks = new ArrayList<>();
                    collectTexts(answer, a.knownIds(), leaks);
                    assertTrue(
                            leaks.isEmpty(),
                            () -> op.label() + " showed organization B organization A's " + leaks + ": " + answer);
                    if (listsRows(op)) {
                        List<String> own = new ArrayList<>();
                        collectTexts(answer, b.knownIds(), own);
                        assertTrue(
                                !own.isEmpty(),
                                () -> op.label() + " lists nothing of organization B's own, so "
                                        + "this check would prove nothing: " + answer);
                    }
                }));
    }

    /**
     * The object as its owner sees it: the GET on the same path or, for an action on an object (PATCH
     * /v1/incidents/{id}/status), the GET of the nearest enclosing object the spec can read.
     */
    private Optional<JsonNode> readBack(SpecOperation op, String path, Org owner) {
        String[] template = op.path().split("/");
        String[] concrete = path.split("/");
        for (int length = template.length; length > 1; length--) {
            String readable = String.join("/", Arrays.copyOf(template, length));
            boolean anObject = readable.endsWith("}");
            boolean hasGet = SPEC.operations().stream()
                    .anyMatch(other ->
                            "GET".equals(other.method()) && other.path().equals(readable));
            if (hasGet && (anObject || length == template.length)) {
                String target = String.join("/", Arrays.copyOf(concrete, length));
                return Optional.of(http.get(target).as(owner).send().expect(200).data());
            }
        }
        return Optional.empty();
    }

    private static void collectTexts(JsonNode node, Set<String> wanted, List<String> found) {
        if (node.isTextual() && wanted.contains(node.asText())) {
            found.add(node.asText());
        }
        node.forEach(child -> collectTexts(child, wanted, found));
    }

    /** Whether the 200 answer holds rows, i.e. its schema has an array of objects at any depth. */
    private static boolean listsRows(SpecOperation op) {
        return op.responseSchema(200)
                .map(schema -> hasArrayOfObjects(schema, 0))
                .orElse(false);
    }

    private static boolean hasArrayOfObjects(Schema<?> schema, int depth) {
        if (depth > 3) {
            return false;
        }
        if ("array".equals(Schemas.type(schema)) && Schemas.isObject(schema.getItems())) {
            return true;
        }
        return Schemas.properties(schema).values().stream().anyMatch(child -> hasArrayOfObjects(child, depth + 1));
    }
}
