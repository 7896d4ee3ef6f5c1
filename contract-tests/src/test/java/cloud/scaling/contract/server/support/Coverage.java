package cloud.scaling.contract.server.support;

import cloud.scaling.contract.spec.SpecOperation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every (operation, status) pair that the suite saw the real server answer, and that passed validation. One
 * ledger per JVM, i.e. per database run; the coverage test reads it after all other test classes ran.
 */
public final class Coverage {

    private static final Coverage LEDGER = new Coverage();

    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    private Coverage() {}

    public static Coverage ledger() {
        return LEDGER;
    }

    void record(SpecOperation operation, int status) {
        exercised.add(key(operation.operationId(), status));
    }

    public boolean exercised(String operationId, int status) {
        return exercised.contains(key(operationId, status));
    }

    public boolean isEmpty() {
        return exercised.isEmpty();
    }

    public static String key(String operationId, int status) {
        return operationId + " " + status;
    }
}
