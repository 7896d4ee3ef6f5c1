package cloud.scaling.idempotency;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

/** Each change is one statement whose WHERE clause decides races between two requests with the same key. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IdempotencyRepository extends CrudRepository<IdempotencyRecordRow, String> {

    /** 1 if this request claimed the key, 0 if another request already holds it. */
    @Query("INSERT INTO idempotency_keys (id, fingerprint, created_at) VALUES (:id, :fingerprint, :now)"
            + " ON CONFLICT DO NOTHING")
    long claim(String id, String fingerprint, Instant now);

    /** Takes over an expired or abandoned claim, unless another request took it over first. */
    @Query("""
            UPDATE idempotency_keys SET fingerprint = :fingerprint, created_at = :now, status_code = NULL,
                response_body = NULL
            WHERE id = :id AND created_at = :seenCreatedAt""")
    long takeOver(String id, String fingerprint, Instant now, Instant seenCreatedAt);

    @Query("UPDATE idempotency_keys SET status_code = :statusCode, response_body = :responseBody WHERE id = :id")
    long complete(String id, int statusCode, String responseBody);

    /** Forgets a claim whose request failed, so that a retry does the work. */
    @Query("DELETE FROM idempotency_keys WHERE id = :id AND status_code IS NULL")
    long release(String id);

    /** Deletes at most {@code limit} keys created before {@code cutoff}: one batch of the purge. */
    @Query("DELETE FROM idempotency_keys WHERE id IN"
            + " (SELECT id FROM idempotency_keys WHERE created_at < :cutoff LIMIT :limit)")
    long deleteCreatedBefore(Instant cutoff, int limit);
}
