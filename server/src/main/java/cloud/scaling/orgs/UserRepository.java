package cloud.scaling.orgs;

import cloud.scaling.auth.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Users of organizations. A removed member stays as a row (incidents, updates and audit events keep naming
 * them) but is no member: the member queries below leave them out, {@link #findByIdIn} (for showing who did
 * something) does not.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends CrudRepository<UserRow, String> {

    /** A member of the organization: removed users are not found. */
    @Query("SELECT * FROM users WHERE id = :id AND org_id = :orgId AND removed_at IS NULL")
    Optional<UserRow> findByIdAndOrgId(String id, String orgId);

    /** Which of these ids are members of the organization (removed users and other organizations' are not). */
    @Query("SELECT id FROM users WHERE id IN (:ids) AND org_id = :orgId AND removed_at IS NULL")
    List<String> membersAmong(Collection<String> ids, String orgId);

    /**
     * Locks the member's row until the transaction ends, if they are a member; 0 when they are not (or no longer
     * are, once a removal under way commits). A removal updates that row, so it waits for a write that names the
     * member, and such a write waits for a removal under way. An update that changes nothing, rather than
     * {@code SELECT ... FOR UPDATE}: on PostgreSQL it takes the weaker row lock that leaves the share locks of
     * foreign-key checks free (every row a member creates names them), and H2 has no such lock clause.
     */
    @Query("UPDATE users SET role = role WHERE id = :id AND org_id = :orgId AND removed_at IS NULL")
    long lockMember(String id, String orgId);

    /** Which of these ids are members, each locked as {@link #lockMember}, in id order (never crosswise). */
    default List<String> lockMembersAmong(Collection<String> ids, String orgId) {
        return new java.util.TreeSet<>(ids)
                .stream().filter(id -> lockMember(id, orgId) > 0).toList();
    }

    /** The organization's members, oldest first. */
    @Query("SELECT * FROM users WHERE org_id = :orgId AND removed_at IS NULL ORDER BY created_at, id")
    List<UserRow> listOf(String orgId);

    List<UserRow> findByIdIn(Collection<String> ids);

    /**
     * The user with this address, ignoring case, whether a member or removed. Addresses are unique only as
     * written, so two may differ in case: then a member comes first.
     */
    @Query("""
            SELECT * FROM users WHERE org_id = :orgId AND LOWER(email) = LOWER(:email)
            ORDER BY CASE WHEN removed_at IS NULL THEN 0 ELSE 1 END, created_at, id LIMIT 1""")
    Optional<UserRow> findAnyByEmail(String orgId, String email);

    @Query("UPDATE users SET email = :email, first_name = :firstName, last_name = :lastName WHERE id = :id")
    void changeDetails(String id, String email, @Nullable String firstName, @Nullable String lastName);

    @Query("UPDATE users SET role = :role WHERE id = :id")
    void changeRole(String id, Role role);

    @Query("UPDATE users SET removed_at = :at, removed_by = :removedBy WHERE id = :id AND removed_at IS NULL")
    long remove(String id, String removedBy, Instant at);

    /** A removed user who joins again: a member once more, with the new role and joining time. */
    @Query("""
            UPDATE users SET removed_at = NULL, removed_by = NULL, role = :role, created_at = :at,
                first_name = COALESCE(:firstName, first_name), last_name = COALESCE(:lastName, last_name)
            WHERE id = :id""")
    void rejoin(String id, Role role, @Nullable String firstName, @Nullable String lastName, Instant at);
}
