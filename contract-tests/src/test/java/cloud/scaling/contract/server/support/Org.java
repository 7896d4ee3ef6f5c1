package cloud.scaling.contract.server.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An organization provisioned for a test, with its admin's key, and every id the suite created in it (so that
 * cross-organization checks can look for them where they must not be). Credentials of other schemes (an ingest
 * token) are issued on first use by {@link Credentials} and kept by scheme name.
 */
public record Org(String orgId, String userId, String apiKey, Set<String> createdIds, Map<String, String> credentials) {

    Org(String orgId, String userId, String apiKey) {
        this(orgId, userId, apiKey, ConcurrentHashMap.newKeySet());
    }

    Org(String orgId, String userId, String apiKey, Set<String> createdIds) {
        this(orgId, userId, apiKey, createdIds, new ConcurrentHashMap<>());
    }

    /** Everything that identifies this organization's data: its id, its user's id and its objects' ids. */
    public Set<String> knownIds() {
        Set<String> ids = new java.util.HashSet<>(createdIds);
        ids.add(orgId);
        ids.add(userId);
        return ids;
    }
}
