package cloud.scaling.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuthRevisionRepository extends GenericRepository<AuthRevisionRow, Short> {

    @Query("SELECT revision FROM auth_revision WHERE id = 1")
    long current();

    /** Call in the transaction that takes access away, so that the change and its announcement commit together. */
    @Query("UPDATE auth_revision SET revision = revision + 1 WHERE id = 1")
    void advance();
}
