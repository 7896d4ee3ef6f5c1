package cloud.scaling.orgs;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends CrudRepository<User, String> {

    Optional<User> findByIdAndOrgId(String id, String orgId);

    @Query("SELECT * FROM users WHERE org_id = :orgId ORDER BY created_at, id")
    List<User> listOf(String orgId);

    List<User> findByIdIn(Collection<String> ids);
}
