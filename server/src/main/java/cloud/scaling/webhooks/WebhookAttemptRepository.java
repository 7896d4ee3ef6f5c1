package cloud.scaling.webhooks;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The attempts of deliveries; a page of deliveries reads all of its attempts in one query. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookAttemptRepository extends CrudRepository<WebhookAttemptRow, UUID> {

    List<WebhookAttemptRow> findByDeliveryIdInOrderByAttemptedAt(Collection<String> deliveryIds);
}
