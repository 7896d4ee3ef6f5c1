package cloud.scaling.escalation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;

/** Records of members removed from users targets. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TargetRemovalRepository extends CrudRepository<TargetRemovalRow, UUID> {}
