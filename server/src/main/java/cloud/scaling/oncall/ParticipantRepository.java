package cloud.scaling.oncall;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Layer participants; only explicit queries, since a row has no id of its own. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParticipantRepository extends GenericRepository<ParticipantRow, String> {

    @Query("SELECT * FROM oncall_layer_participants WHERE layer_id IN (:layerIds) ORDER BY layer_id, seq")
    List<ParticipantRow> ofLayers(Collection<String> layerIds);

    @Query("INSERT INTO oncall_layer_participants (layer_id, seq, user_id) VALUES (:layerId, :seq, :userId)")
    void add(String layerId, int seq, String userId);

    @Query("DELETE FROM oncall_layer_participants WHERE layer_id = :layerId")
    void clear(String layerId);

    @Query("""
            UPDATE oncall_layers SET updated_at = :at WHERE id IN (SELECT p.layer_id FROM oncall_layer_participants p
            JOIN oncall_layers l ON l.id = p.layer_id JOIN oncall_schedules s ON s.id = l.schedule_id
            WHERE p.user_id = :userId AND s.org_id = :orgId)""")
    void touchLayersOf(String orgId, String userId, Instant at);

    @Query("""
            DELETE FROM oncall_layer_participants WHERE user_id = :userId AND layer_id IN (SELECT l.id
            FROM oncall_layers l JOIN oncall_schedules s ON s.id = l.schedule_id WHERE s.org_id = :orgId)""")
    void removeUser(String orgId, String userId);
}
