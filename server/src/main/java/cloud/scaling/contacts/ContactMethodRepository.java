package cloud.scaling.contacts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactMethodRepository extends CrudRepository<ContactMethodRow, String> {

    @Query("SELECT * FROM contact_methods WHERE user_id = :userId AND org_id = :orgId ORDER BY created_at, id")
    List<ContactMethodRow> ofUser(String orgId, String userId);

    @Query("""
            SELECT * FROM contact_methods WHERE user_id IN (:userIds) AND org_id = :orgId
            ORDER BY created_at, id""")
    List<ContactMethodRow> ofUsers(String orgId, java.util.Collection<String> userIds);

    Optional<ContactMethodRow> findByIdAndUserIdAndOrgId(String id, String userId, String orgId);

    long countByUserIdAndOrgId(String userId, String orgId);

    @Query("DELETE FROM contact_methods WHERE user_id = :userId AND org_id = :orgId")
    void deleteOfUser(String orgId, String userId);
}
