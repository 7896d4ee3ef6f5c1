package cloud.scaling.team;

import cloud.scaling.auth.ApiKeyIssuer;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.Role;
import cloud.scaling.orgs.Member;
import cloud.scaling.orgs.MemberRemoved;
import cloud.scaling.orgs.Membership;
import cloud.scaling.shared.Refusal;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The organization's members: listing, role changes and removal. Admins cannot change their own role or
 * remove themselves, so an admin only ever loses that role to another admin; and because demotions and
 * removals take the organization's lock and then re-check that the caller is still an admin, two admins
 * acting on each other at the same moment cannot both succeed. So at least one admin always remains.
 */
@Singleton
class Members {

    private final Membership membership;
    private final ApiKeyIssuer keys;
    private final TeamAccess access;
    private final TeamAuditTrail audit;
    private final ApplicationEventPublisher<MemberRemoved> removals;
    private final Clock clock;

    Members(
            Membership membership,
            ApiKeyIssuer keys,
            TeamAccess access,
            TeamAuditTrail audit,
            ApplicationEventPublisher<MemberRemoved> removals,
            Clock clock) {
        this.membership = membership;
        this.keys = keys;
        this.access = access;
        this.audit = audit;
        this.removals = removals;
        this.clock = clock;
    }

    List<Member> list(Caller caller) {
        access.requireAdmin(caller);
        return membership.membersOf(caller.orgId());
    }

    @Transactional
    Member changeRole(Caller caller, String userId, Role role) {
        access.requireAdmin(caller);
        if (caller.userId().equals(userId)) {
            throw Refusal.badRequest("cannot_change_own_role", "You cannot change your own role; ask another admin.");
        }
        lockTeamOf(caller);
        Member member = access.member(caller, userId);
        if (member.role() != role) {
            membership.changeRole(userId, role);
            // Cached callers carry their role: every server must re-read it.
            keys.accessChanged();
            audit.record(
                    caller.orgId(),
                    TeamEvent.MEMBER_ROLE_CHANGED,
                    caller.userId(),
                    userId,
                    clock.instant(),
                    Map.of("previousRole", member.role().wireName(), "role", role.wireName()));
        }
        return access.member(caller, userId);
    }

    /**
     * Soft removal: the user row stays (incidents, updates and audit events keep naming it), every key is
     * revoked, and {@link MemberRemoved} is published in this transaction so that rotations and escalation
     * targets drop the member in the same commit (or veto the removal by throwing).
     */
    @Transactional
    void remove(Caller caller, String userId) {
        access.requireAdmin(caller);
        if (caller.userId().equals(userId)) {
            throw Refusal.badRequest("cannot_remove_yourself", "You cannot remove yourself; ask another admin.");
        }
        lockTeamOf(caller);
        Member member = access.member(caller, userId);
        Instant now = clock.instant();
        membership.remove(userId, caller.userId(), now);
        keys.revokeAllOf(userId);
        audit.record(
                caller.orgId(),
                TeamEvent.MEMBER_REMOVED,
                caller.userId(),
                userId,
                now,
                Map.of("email", member.email(), "role", member.role().wireName()));
        removals.publishEvent(new MemberRemoved(caller.orgId(), userId, caller.userId(), now));
    }

    /** Serializes changes that can take away an admin, then checks the caller still is one. */
    private void lockTeamOf(Caller caller) {
        membership.lockOrganization(caller.orgId());
        access.requireAdminNow(caller);
    }
}
