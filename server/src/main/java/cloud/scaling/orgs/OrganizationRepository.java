package cloud.scaling.orgs;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizationRepository extends CrudRepository<OrganizationRow, String> {

    @Query("SELECT * FROM organizations ORDER BY created_at, id")
    List<OrganizationRow> listAll();

    /**
     * Locks the organization's row until the transaction ends: changes that could leave it without an admin
     * (demotions, removals) take this lock first, so they happen one after another and each sees the last.
     * An update that changes nothing rather than {@code SELECT ... FOR UPDATE}: on PostgreSQL the latter would
     * also wait for (and block) every insert whose foreign key names the organization, and a write that holds a
     * member's row while it inserts would then deadlock with a removal of that member.
     */
    @Query("UPDATE organizations SET name = name WHERE id = :id")
    long lock(String id);
}
