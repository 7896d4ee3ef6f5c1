package cloud.scaling.alerts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Inbound integrations, always within an organization (except the lookup by token hash); oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IntegrationRepository extends CrudRepository<IntegrationRow, String> {

    Optional<IntegrationRow> findByIdAndOrgId(String id, String orgId);

    Optional<IntegrationRow> findByTokenHash(String tokenHash);

    @Query("SELECT * FROM inbound_integrations WHERE org_id = :orgId ORDER BY created_at, id")
    List<IntegrationRow> listed(String orgId);

    @Query("UPDATE inbound_integrations SET selectors = :selectors, updated_at = :at WHERE id = :id")
    void replaceSelectors(String id, String selectors, Instant at);

    @Query("""
            UPDATE inbound_integrations SET token_hash = :tokenHash, token_prefix = :tokenPrefix, updated_at = :at
            WHERE id = :id""")
    void replaceToken(String id, String tokenHash, String tokenPrefix, Instant at);
}
