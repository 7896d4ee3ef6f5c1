package cloud.scaling.orgs;

import cloud.scaling.shared.UniqueConstraint;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * A user's names and email address, changed through the API (by the user or an admin) or by an admin command. Pages
 * read the address at each delivery attempt, so a new address takes effect at the next attempt of every page.
 */
@Singleton
class UserDetails {

    /** The width of the name columns. */
    private static final int MAX_NAME_LENGTH = 100;

    /** What to change: a null field is left as it is, a blank name is cleared. */
    record Change(
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String email) {

        boolean isEmpty() {
            return firstName == null && lastName == null && email == null;
        }
    }

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final ApplicationEventPublisher<UserDetailsChanged> changes;
    private final Clock clock;

    UserDetails(
            UserRepository users,
            OrganizationRepository organizations,
            ApplicationEventPublisher<UserDetailsChanged> changes,
            Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Applies {@code change} to a member of the organization; {@code actorId} is the user who asked (null for an
     * operator's admin command). Refuses an invalid value, a user who is no member, and an address another user of
     * the organization has (ignoring case, removed users included: an invitation to a removed user's address brings
     * them back, so it must stay theirs).
     */
    @Transactional
    UserRow change(String orgId, String userId, Change change, @Nullable String actorId) {
        String firstName = name("first name", change.firstName());
        String lastName = name("last name", change.lastName());
        if (change.email() != null) {
            EmailAddresses.requireValid(change.email());
            // Address changes of one organization happen one after another, so each one's check sees the others.
            organizations.lock(orgId);
        }
        UserRow before = users.findByIdAndOrgId(userId, orgId)
                .orElseThrow(() -> new ProvisioningRefused(
                        ProvisioningRefused.Reason.NOT_FOUND,
                        "No member " + userId + " (unknown, or removed from their organization)"));
        UserRow after = new UserRow(
                before.id(),
                orgId,
                change.email() == null ? before.email() : change.email(),
                change.firstName() == null ? before.firstName() : firstName,
                change.lastName() == null ? before.lastName() : lastName,
                before.role(),
                before.createdAt());
        if (after.equals(before)) {
            return before;
        }
        if (!after.email().equals(before.email())
                && users.findAnyByEmail(orgId, after.email())
                        .filter(other -> !other.id().equals(userId))
                        .isPresent()) {
            throw emailInUse(after.email());
        }
        try {
            users.changeDetails(userId, after.email(), after.firstName(), after.lastName());
        } catch (DataAccessException failure) {
            // An invitation accepted for the same address at this moment (it does not take the lock) stored it first.
            if (UniqueConstraint.refused(failure, "users_email_unique_in_org")) {
                throw emailInUse(after.email());
            }
            throw failure;
        }
        changes.publishEvent(UserDetailsChanged.of(orgId, actorId, before, after, clock.instant()));
        return after;
    }

    /** Trimmed, or null when blank (cleared); null when not given too, which the caller tells apart. */
    @Nullable
    private static String name(String what, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new ProvisioningRefused(
                    ProvisioningRefused.Reason.INVALID,
                    "The " + what + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    private static ProvisioningRefused emailInUse(String email) {
        return new ProvisioningRefused(
                ProvisioningRefused.Reason.CONFLICT,
                "Another user of this organization has the email address " + email + ".");
    }
}
