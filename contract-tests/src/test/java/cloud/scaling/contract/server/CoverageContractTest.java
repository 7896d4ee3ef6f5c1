package cloud.scaling.contract.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Coverage;
import cloud.scaling.contract.spec.Spec;
import cloud.scaling.contract.spec.SpecOperation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Coverage is measured, not hoped for: after every other test class of the run (this class is ordered last,
 * see junit-platform.properties), each (operation, documented status) pair of the spec must have been
 * answered by the real server and validated. Adding an operation or a status to the spec without a test
 * therefore fails the build, naming the pairs to cover.
 */
@Order(Integer.MAX_VALUE)
class CoverageContractTest {

    @Test
    void everyDocumentedStatusOfEveryOperationWasExercised() {
        Coverage ledger = Coverage.ledger();
        Assumptions.assumeFalse(ledger.isEmpty(), "No exchange recorded: run the whole suite to measure coverage");
        List<String> missing = new ArrayList<>();
        for (SpecOperation op : Spec.current().operations()) {
            for (int status : op.statuses().stream().sorted().toList()) {
                String key = Unprovokable.key(op, status);
                if (!ledger.exercised(op.operationId(), status) && !Unprovokable.PAIRS.contains(key)) {
                    missing.add(op.label() + " → " + status + " ("
                            + op.operation()
                                    .getResponses()
                                    .get(String.valueOf(status))
                                    .getDescription()
                                    .strip()
                                    .lines()
                                    .findFirst()
                                    .orElse("")
                            + ")");
                }
            }
        }
        assertTrue(
                missing.isEmpty(),
                () -> "The suite never saw the server answer these documented responses; "
                        + "add a scenario for each (see contract-tests/README.md):\n  - "
                        + String.join("\n  - ", missing));
    }

    @Test
    void everyUnprovokablePairIsStillInTheSpec() {
        List<String> stale = Unprovokable.PAIRS.stream()
                .filter(key -> Spec.current().operations().stream()
                        .noneMatch(op -> op.statuses().stream()
                                .anyMatch(status -> Unprovokable.key(op, status).equals(key))))
                .sorted()
                .toList();
        assertTrue(
                stale.isEmpty(), () -> "Unprovokable lists pairs the spec no longer documents; remove them: " + stale);
    }
}
