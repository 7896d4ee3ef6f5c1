package cloud.scaling.pager;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PageTokenRepository extends CrudRepository<PageTokenRow, String> {

    /** Serialises the uses of one token, so that "once per action" holds under racing button presses. */
    @Query("SELECT * FROM page_tokens WHERE id = :id FOR UPDATE")
    Optional<PageTokenRow> lock(String id);

    @Query("SELECT used_at FROM page_token_uses WHERE token_id = :tokenId AND action = :action")
    Optional<Instant> usedAt(String tokenId, String action);

    @Query("INSERT INTO page_token_uses (token_id, action, used_at) VALUES (:tokenId, :action, :usedAt)")
    void use(String tokenId, String action, Instant usedAt);
}
