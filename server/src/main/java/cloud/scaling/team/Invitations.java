package cloud.scaling.team;

import cloud.scaling.auth.ApiKeyIssuer;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.IssuedKey;
import cloud.scaling.auth.Role;
import cloud.scaling.orgs.Member;
import cloud.scaling.orgs.Membership;
import cloud.scaling.shared.Hashing;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.Refusal;
import cloud.scaling.shared.UniqueConstraint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Invitations: an admin invites an address, the invitee accepts with the secret token the invite answered
 * (there is no UI and this server sends no email). The token is stored only as its SHA-256 hash, compared in
 * constant time, expires after {@link #LIFETIME} by the application clock and works once.
 */
@Singleton
class Invitations {

    static final Duration LIFETIME = Duration.ofDays(7);
    static final String TOKEN_PREFIX = "scl_inv_";

    private static final Refusal INVALID_TOKEN = Refusal.badRequest(
            "invalid_invitation_token",
            "This invitation token is not valid; it may have been revoked or replaced by a newer invitation.");
    private static final Refusal ALREADY_USED =
            Refusal.badRequest("invitation_already_used", "This invitation has already been accepted.");

    private final InvitationRepository invitations;
    private final Membership membership;
    private final ApiKeyIssuer keys;
    private final TeamAccess access;
    private final TeamAuditTrail audit;
    private final Clock clock;

    Invitations(
            InvitationRepository invitations,
            Membership membership,
            ApiKeyIssuer keys,
            TeamAccess access,
            TeamAuditTrail audit,
            Clock clock) {
        this.invitations = invitations;
        this.membership = membership;
        this.keys = keys;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** An invitation as the invite answers it: with its token in clear text, this once. */
    record Created(InvitationRow invitation, String token) {}

    /** The member who accepted, and their first key. */
    record Accepted(Member member, IssuedKey key) {}

    List<InvitationRow> usable(Caller caller) {
        access.requireAdmin(caller);
        return invitations.usableOf(caller.orgId(), clock.instant());
    }

    @Transactional
    Created invite(Caller caller, String emailAddress, Role role) {
        access.requireAdmin(caller);
        if (membership.hasMemberWithEmail(caller.orgId(), emailAddress)) {
            throw memberExists(emailAddress);
        }
        Instant now = clock.instant();
        String pendingEmail = emailAddress.toLowerCase(Locale.ROOT);
        invitations.supersede(caller.orgId(), pendingEmail, now);
        String token = TOKEN_PREFIX + RandomIds.base62(32);
        InvitationRow invitation;
        try {
            invitation = invitations.save(new InvitationRow(
                    RandomIds.prefixed("orginv"),
                    caller.orgId(),
                    emailAddress,
                    role,
                    Hashing.sha256Hex(token),
                    InvitationRow.PENDING,
                    pendingEmail,
                    caller.userId(),
                    now,
                    now.plus(LIFETIME),
                    null,
                    null));
        } catch (DataAccessException failure) {
            if (!UniqueConstraint.refused(failure, "team_invitations_one_pending_per_address")) {
                throw failure;
            }
            // Another invitation for this address was created at the same moment and holds its one pending slot.
            throw Refusal.conflict(
                    "invitation_in_progress",
                    "Another invitation for " + emailAddress + " is being created right now; retry.");
        }
        audit.record(
                caller.orgId(),
                TeamEvent.MEMBER_INVITED,
                caller.userId(),
                invitation.id(),
                now,
                Map.of("emailAddress", emailAddress, "role", role.wireName()));
        return new Created(invitation, token);
    }

    @Transactional
    void revoke(Caller caller, String invitationId) {
        access.requireAdmin(caller);
        Instant now = clock.instant();
        if (invitations.revoke(invitationId, caller.orgId(), now) == 0) {
            throw Refusal.notFound("Invitation " + invitationId);
        }
        audit.record(caller.orgId(), TeamEvent.INVITATION_REVOKED, caller.userId(), invitationId, now, Map.of());
    }

    /**
     * Creates the member (or brings a removed one back, same id) and their first key. The claim comes first:
     * of two requests with the same token, the second waits on the invitation's row and then finds it used,
     * before either has created a user.
     */
    @Transactional
    Accepted accept(String token, @Nullable String firstName, @Nullable String lastName) {
        Instant now = clock.instant();
        InvitationRow invitation = find(token);
        if (invitations.claim(invitation.id(), now) == 0) {
            throw whyUnusable(invitations.findById(invitation.id()).orElse(invitation), now);
        }
        Role role = invitation.role();
        if (membership.hasMemberWithEmail(invitation.orgId(), invitation.emailAddress())) {
            throw memberExists(invitation.emailAddress());
        }
        Member member = membership.join(invitation.orgId(), invitation.emailAddress(), role, firstName, lastName, now);
        String userId = member.id();
        invitations.acceptedBy(invitation.id(), userId);
        IssuedKey key = keys.issue(invitation.orgId(), userId, null);
        audit.record(
                invitation.orgId(),
                TeamEvent.INVITATION_ACCEPTED,
                userId,
                invitation.id(),
                now,
                Map.of("keyId", key.id()));
        return new Accepted(member, key);
    }

    /** The invitation of this token; the hash finds the row, the constant-time comparison decides. */
    private InvitationRow find(String token) {
        String hash = Hashing.sha256Hex(token);
        return invitations
                .findByTokenHash(hash)
                .filter(row -> Hashing.sameHash(row.tokenHash(), hash))
                .orElseThrow(() -> INVALID_TOKEN);
    }

    private static Refusal whyUnusable(InvitationRow invitation, Instant now) {
        if (InvitationRow.ACCEPTED.equals(invitation.status())) {
            return ALREADY_USED;
        }
        if (InvitationRow.PENDING.equals(invitation.status())
                && !invitation.expiresAt().isAfter(now)) {
            return Refusal.badRequest(
                    "invitation_expired",
                    "This invitation expired on " + invitation.expiresAt() + "; ask an admin for a new one.");
        }
        return INVALID_TOKEN;
    }

    private static Refusal memberExists(String emailAddress) {
        return Refusal.conflict("member_exists", emailAddress + " is already a member of this organization.");
    }
}
