package cloud.scaling.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox. Claiming ({@link WebhookClaims}) and settling are compare-and-set UPDATEs on {@code next_attempt_at}: the claim moves it to
 * a lease's end, so two servers that read the same due row cannot both claim it (the loser updates zero rows),
 * and a server that dies mid-attempt leaves the row due again when the lease runs out.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookDeliveryRepository extends CrudRepository<WebhookDeliveryRow, String> {

    @Query("""
            SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= :now
            ORDER BY status, next_attempt_at LIMIT :limit""")
    List<WebhookDeliveryRow> due(Instant now, int limit);

    /** Records the outcome of the claimed attempt, unless the delivery was replayed meanwhile. */
    @Query("""
            UPDATE webhook_deliveries SET status = :status, failures = :failures, next_attempt_at = :next
            WHERE id = :id AND status = 'pending' AND next_attempt_at = :leaseEnd""")
    long settle(String id, Instant leaseEnd, String status, int failures, @Nullable Instant next);

    @Query("""
            UPDATE webhook_deliveries SET status = 'pending', failures = 0, next_attempt_at = :now
            WHERE id = :id""")
    long requeue(String id, Instant now);

    Optional<WebhookDeliveryRow> findByIdAndEndpointId(String id, String endpointId);

    @Query("""
            SELECT * FROM webhook_deliveries WHERE endpoint_id = :endpointId AND (created_at, id) < (:createdAt, :id)
            ORDER BY endpoint_id, created_at DESC, id DESC LIMIT :limit""")
    List<WebhookDeliveryRow> pageAfter(String endpointId, Instant createdAt, String id, int limit);
}
