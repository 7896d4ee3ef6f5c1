package cloud.scaling.webhooks;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints, always within an organization; listed oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookEndpointRepository extends CrudRepository<WebhookEndpointRow, String> {

    Optional<WebhookEndpointRow> findByIdAndOrgId(String id, String orgId);

    List<WebhookEndpointRow> findByIdIn(java.util.Collection<String> ids);

    /** The endpoint, locked until the transaction ends: its delete waits for deliveries being queued for it. */
    @Query("SELECT * FROM webhook_endpoints WHERE id = :id AND org_id = :orgId FOR UPDATE")
    Optional<WebhookEndpointRow> lockByIdAndOrgId(String id, String orgId);

    @Query("SELECT * FROM webhook_endpoints WHERE org_id = :orgId ORDER BY created_at, id")
    List<WebhookEndpointRow> listed(String orgId);

    @Query("SELECT * FROM webhook_endpoints WHERE org_id = :orgId AND enabled = TRUE ORDER BY created_at, id")
    List<WebhookEndpointRow> enabledIn(String orgId);
}
