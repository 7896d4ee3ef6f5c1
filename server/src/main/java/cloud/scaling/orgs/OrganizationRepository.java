package cloud.scaling.orgs;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrganizationRepository extends CrudRepository<Organization, String> {

    @Query("SELECT * FROM organizations ORDER BY created_at, id")
    List<Organization> listAll();

    /**
     * Locks the organization's row until the transaction ends: changes that could leave it without an admin
     * (demotions, removals) take this lock first, so they happen one after another and each sees the last.
     */
    @Query("SELECT id FROM organizations WHERE id = :id FOR UPDATE")
    Optional<String> lock(String id);
}
