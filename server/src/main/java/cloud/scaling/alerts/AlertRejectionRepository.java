package cloud.scaling.alerts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

/** Rejected alerts, newest first, keyset-paged on (received_at, id) like an integration's alerts. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AlertRejectionRepository extends CrudRepository<AlertRejectionRow, String> {

    @Query("""
            SELECT * FROM alert_rejections WHERE integration_id = :integrationId
            ORDER BY received_at DESC, id DESC LIMIT :limit""")
    List<AlertRejectionRow> newestOf(String integrationId, int limit);

    @Query("""
            SELECT * FROM alert_rejections WHERE integration_id = :integrationId AND (received_at, id) < (:receivedAt, :id)
            ORDER BY received_at DESC, id DESC LIMIT :limit""")
    List<AlertRejectionRow> olderOf(String integrationId, Instant receivedAt, String id, int limit);
}
