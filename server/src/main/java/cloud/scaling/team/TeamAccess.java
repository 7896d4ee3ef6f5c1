package cloud.scaling.team;

import cloud.scaling.auth.Caller;
import cloud.scaling.auth.Role;
import cloud.scaling.orgs.Member;
import cloud.scaling.orgs.Membership;
import cloud.scaling.shared.Refusal;
import jakarta.inject.Singleton;

/**
 * Who may do what to the team. The public docs answer a member on team endpoints with {@code 401
 * not_authorized}, so this does too; see the spec's {@code TeamUnauthorized}.
 */
@Singleton
class TeamAccess {

    private static final Refusal NOT_ADMIN =
            Refusal.unauthorized("not_authorized", "Only an org:admin may manage the team.");
    private static final Refusal NOT_YOURS =
            Refusal.unauthorized("not_authorized", "Only an org:admin may manage another member's API keys.");

    private final Membership membership;

    TeamAccess(Membership membership) {
        this.membership = membership;
    }

    /** The caller's role as authenticated (possibly cached for up to half a second). */
    void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw NOT_ADMIN;
        }
    }

    /**
     * The caller's role as the database has it now: for changes that must not act on a role the caller just
     * lost, call it after taking the organization's lock.
     */
    void requireAdminNow(Caller caller) {
        boolean admin = membership
                .member(caller.userId(), caller.orgId())
                .map(member -> member.role() == Role.ADMIN)
                .orElse(false);
        if (!admin) {
            throw NOT_ADMIN;
        }
    }

    /** An admin for anyone's keys, a member for their own. */
    void requireKeysOf(Caller caller, String userId) {
        if (!caller.isAdmin() && !caller.userId().equals(userId)) {
            throw NOT_YOURS;
        }
    }

    /** A member of the caller's organization; another organization's user or a removed one is not found. */
    Member member(Caller caller, String userId) {
        return membership.member(userId, caller.orgId()).orElseThrow(() -> Refusal.notFound("Member " + userId));
    }
}
