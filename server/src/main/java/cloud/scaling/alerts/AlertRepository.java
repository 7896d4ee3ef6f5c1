package cloud.scaling.alerts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Alerts; the conditional UPDATEs return how many rows they changed, so that of racing requests one wins. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AlertRepository extends CrudRepository<AlertRow, String> {

    Optional<AlertRow> findByIntegrationIdAndFiringKey(String integrationId, String firingKey);

    List<AlertRow> findByIntegrationIdAndFiringKeyIn(String integrationId, java.util.Collection<String> firingKeys);

    @Query("""
            SELECT * FROM alerts WHERE integration_id = :integrationId AND dedup_key = :dedupKey
            ORDER BY received_at DESC, id DESC LIMIT 1""")
    Optional<AlertRow> latest(String integrationId, String dedupKey);

    /** The first alert of each of these incidents (the one that opened it, or was first attached). */
    @Query("""
            SELECT * FROM alerts a WHERE a.incident_id IN (:incidentIds) AND NOT EXISTS (
                SELECT 1 FROM alerts b WHERE b.incident_id = a.incident_id
                AND (b.received_at < a.received_at OR (b.received_at = a.received_at AND b.id < a.id)))""")
    List<AlertRow> firstOfIncidents(java.util.Collection<UUID> incidentIds);

    @Query("SELECT * FROM alerts WHERE incident_id = :incidentId ORDER BY received_at, id")
    List<AlertRow> ofIncident(UUID incidentId);

    @Query("""
            SELECT * FROM alerts WHERE integration_id = :integrationId
            ORDER BY received_at DESC, id DESC LIMIT :limit""")
    List<AlertRow> newestOf(String integrationId, int limit);

    @Query("""
            SELECT * FROM alerts WHERE integration_id = :integrationId AND (received_at, id) < (:receivedAt, :id)
            ORDER BY received_at DESC, id DESC LIMIT :limit""")
    List<AlertRow> olderOf(String integrationId, Instant receivedAt, String id, int limit);

    @Query("SELECT COUNT(*) FROM alerts WHERE incident_id = :incidentId AND firing_key IS NOT NULL")
    long firingOf(UUID incidentId);

    @Query("UPDATE alerts SET deliveries = deliveries + :times WHERE id IN (:ids)")
    void redelivered(java.util.Collection<String> ids, long times);

    @Query("""
            UPDATE alerts SET status = 'resolved', firing_key = NULL, resolved_at = :at
            WHERE id = :id AND firing_key IS NOT NULL""")
    int resolve(String id, Instant at);
}
