package cloud.scaling.components;

import cloud.scaling.shared.Refusal;
import cloud.scaling.shared.SharedRowLock;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which components an incident affects: validation of the ids a client sends, the links, and batch reads.
 * {@link #validate} and {@link #add} run in the caller's transaction (creating an incident); the others join
 * it or run in their own. Not transactional as a whole: the interceptor cost about 5 % of a create's CPU in
 * the benchmark's profile, for two calls that mostly have no components to look at.
 */
@Singleton
public class AffectedComponents {

    private final SharedRowLock rowLock;
    private final JdbcOperations jdbc;

    public AffectedComponents(SharedRowLock rowLock, JdbcOperations jdbc) {
        this.rowLock = rowLock;
        this.jdbc = jdbc;
    }

    /**
     * Each id must appear once ({@code duplicate_component_id}) and name a component of the organization; the
     * components stay locked until the caller's transaction ends, so that none is deleted before it is linked.
     */
    public void validate(String orgId, List<String> componentIds) {
        Set<String> unique = new HashSet<>();
        for (String id : componentIds) {
            if (!unique.add(id)) {
                throw Refusal.badRequest("duplicate_component_id", "componentIds lists " + id + " more than once.");
            }
        }
        if (unique.isEmpty()) {
            return;
        }
        // Shared among the incidents linking a component (a storm's incidents all name the same one), and waited
        // for by its delete: none is deleted before it is linked.
        Set<String> known = rowLock.lockAll("components", orgId, unique);
        componentIds.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw Refusal.badRequest(
                    "invalid_component_id", "componentIds: " + id + " is not a component of this organization.");
        });
    }

    /** Makes the incident's components exactly {@code componentIds} (already validated). */
    @Transactional
    public void replace(UUID incidentId, List<String> componentIds) {
        jdbc.prepareStatement("DELETE FROM incident_components WHERE incident_id = ?", statement -> {
            statement.setObject(1, incidentId);
            return statement.executeUpdate();
        });
        add(incidentId, componentIds);
    }

    /** Links a new incident to {@code componentIds} (already validated). */
    public void add(UUID incidentId, List<String> componentIds) {
        if (componentIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(
                "INSERT INTO incident_components (incident_id, component_id) VALUES (?, ?)", statement -> {
                    for (String componentId : componentIds) {
                        statement.setObject(1, incidentId);
                        statement.setString(2, componentId);
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }

    /** The affected components of each incident, by name; incidents without any map to an empty list. */
    @Transactional(readOnly = true)
    public Map<UUID, List<NamedComponent>> of(Collection<UUID> incidentIds) {
        Map<UUID, List<NamedComponent>> byIncident = new HashMap<>();
        incidentIds.forEach(id -> byIncident.put(id, new ArrayList<>()));
        if (incidentIds.isEmpty()) {
            return byIncident;
        }
        String placeholders = incidentIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        jdbc.prepareStatement(
                "SELECT ic.incident_id, c.id, c.name FROM incident_components ic"
                        + " JOIN components c ON c.id = ic.component_id WHERE ic.incident_id IN (" + placeholders + ")"
                        + " ORDER BY c.name, c.id",
                statement -> {
                    int index = 1;
                    for (UUID id : incidentIds) {
                        statement.setObject(index++, id);
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            byIncident
                                    .get(rows.getObject(1, UUID.class))
                                    .add(new NamedComponent(rows.getString(2), rows.getString(3)));
                        }
                    }
                    return byIncident;
                });
        return byIncident;
    }
}
