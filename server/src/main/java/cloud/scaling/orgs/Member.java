package cloud.scaling.orgs;

import cloud.scaling.auth.Role;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A user of an organization as other features see them: a value, so that the users table stays orgs' own.
 * {@code createdAt} is when they joined (again, for a removed user invited back).
 */
public record Member(
        String id,
        String orgId,
        String email,
        @Nullable String firstName,
        @Nullable String lastName,
        Role role,
        Instant createdAt) {

    static Member of(UserRow user) {
        return new Member(
                user.id(),
                user.orgId(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.role(),
                user.createdAt());
    }

    /** How the user is shown: the full name when known, else the email address. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }
}
