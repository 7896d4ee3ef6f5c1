package cloud.scaling.contract.server;

import cloud.scaling.contract.server.support.Coverage;
import cloud.scaling.contract.spec.SpecOperation;
import java.util.Set;

/**
 * The (operation, status) pairs the spec documents that no test can provoke against a server that works as
 * designed. Keep it minimal: every entry is a promise nobody checks. {@link CoverageContractTest} fails if an
 * entry no longer exists in the spec, so the list cannot rot.
 */
final class Unprovokable {

    static final Set<String> PAIRS = Set.of(
            // Served from memory: the document is read once at start-up; nothing at request time can fail.
            Coverage.key("getOpenApiDocument", 500),
            // The same for the reference page, built once at start-up from resources inside the server's jar.
            Coverage.key("getApiReference", 500),
            // Metrics are read from memory (the pool's gauges too, even with the database gone).
            Coverage.key("getMetrics", 500),
            // Health catches every database failure and answers 503 by design (provoked in DatabaseLoss…);
            // its 500 would take a bug in the health check itself.
            Coverage.key("getHealth", 500));

    private Unprovokable() {}

    static String key(SpecOperation op, int status) {
        return Coverage.key(op.operationId(), status);
    }
}
