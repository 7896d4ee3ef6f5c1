package cloud.scaling.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRepository extends CrudRepository<ApiKeyRow, String> {

    @Query("""
            SELECT k.id, k.org_id, k.user_id, k.key_hash, k.revoked_at, u.role
            FROM api_keys k JOIN users u ON u.id = k.user_id
            WHERE k.key_hash = :keyHash""")
    Optional<KeyHolder> findHolderByKeyHash(String keyHash);

    List<ApiKeyRow> findByDisplayPrefixAndRevokedAtIsNull(String displayPrefix);

    @Query("UPDATE api_keys SET revoked_at = :revokedAt WHERE id = :id AND revoked_at IS NULL")
    long revoke(String id, Instant revokedAt);

    @Query("UPDATE api_keys SET revoked_at = :revokedAt WHERE user_id = :userId AND revoked_at IS NULL")
    long revokeAllOf(String userId, Instant revokedAt);

    Optional<ApiKeyRow> findByIdAndUserId(String id, String userId);

    /** Every key of the user, revoked ones included, oldest first. */
    @Query("""
            SELECT id, display_prefix, created_at, last_used_at, revoked_at FROM api_keys
            WHERE user_id = :userId ORDER BY created_at, id""")
    List<KeySummary> summariesOf(String userId);

    /** Moves {@code last_used_at} forward only, so that a late write from another server cannot move it back. */
    @Query("""
            UPDATE api_keys SET last_used_at = :usedAt
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :usedAt)""")
    long recordUse(String id, Instant usedAt);
}
