package cloud.scaling.orgs;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A user's names or email address changed. Published synchronously inside the transaction of the change, so that
 * the team's audit trail records it in the same commit, without {@code orgs} knowing the team. {@code actorId} is
 * null when an operator's admin command made the change (no user did).
 */
public record UserDetailsChanged(String orgId, @Nullable String actorId, Details before, Details after, Instant at) {

    /** A user's details at one moment: a value, so that listeners need not know the users table. */
    public record Details(
            String userId,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName) {

        static Details of(UserRow user) {
            return new Details(user.id(), user.email(), user.firstName(), user.lastName());
        }
    }

    static UserDetailsChanged of(String orgId, @Nullable String actorId, UserRow before, UserRow after, Instant at) {
        return new UserDetailsChanged(orgId, actorId, Details.of(before), Details.of(after), at);
    }
}
