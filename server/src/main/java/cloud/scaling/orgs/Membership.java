package cloud.scaling.orgs;

import cloud.scaling.auth.Role;
import cloud.scaling.shared.RandomIds;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who is a member of an organization, for the features that name users (incidents, on-call, escalation, contact
 * methods, paging) and the team that manages them: the users table stays orgs' own. Removed users are members no
 * longer.
 */
@Singleton
public class Membership {

    private final UserRepository users;
    private final OrganizationRepository organizations;

    Membership(UserRepository users, OrganizationRepository organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    /** A member of the organization; another organization's user or a removed one is not found. */
    public Optional<Member> member(String userId, String orgId) {
        return users.findByIdAndOrgId(userId, orgId).map(Member::of);
    }

    /** The organization's members, oldest first. */
    public List<Member> membersOf(String orgId) {
        return users.listOf(orgId).stream().map(Member::of).toList();
    }

    /**
     * How each of these users is shown, removed ones included (what they did keeps naming them); an unknown id has
     * no entry.
     */
    public Map<String, String> displayNames(Collection<String> userIds) {
        return users.findByIdIn(userIds).stream().collect(Collectors.toMap(UserRow::id, UserRow::displayName));
    }

    /** The email address of each of these users, removed ones included (a page sent before still names them). */
    public Map<String, String> emails(Collection<String> userIds) {
        return users.findByIdIn(userIds).stream().collect(Collectors.toMap(UserRow::id, UserRow::email));
    }

    /** Whether a member of the organization has this address, ignoring case. */
    public boolean hasMemberWithEmail(String orgId, String email) {
        return users.findAnyByEmail(orgId, email)
                .filter(user -> isMember(user.id(), orgId))
                .isPresent();
    }

    /**
     * The user with this address becomes a member with {@code role}: a removed one comes back under their id (a
     * given name replaces theirs), anyone else is a new user. The caller has made sure no member has the address.
     */
    public Member join(
            String orgId, String email, Role role, @Nullable String firstName, @Nullable String lastName, Instant at) {
        Optional<UserRow> known = users.findAnyByEmail(orgId, email);
        if (known.isEmpty()) {
            return Member.of(
                    users.save(new UserRow(RandomIds.prefixed("user"), orgId, email, firstName, lastName, role, at)));
        }
        users.rejoin(known.get().id(), role, firstName, lastName, at);
        return Member.of(users.findById(known.get().id()).orElseThrow());
    }

    public void changeRole(String userId, Role role) {
        users.changeRole(userId, role);
    }

    /** Removes the member (their row stays, for what names them); false when they were no longer one. */
    public boolean remove(String userId, String removedBy, Instant at) {
        return users.remove(userId, removedBy, at) > 0;
    }

    /**
     * Locks the organization until the transaction ends: changes that could leave it without an admin (demotions,
     * removals) take this lock first, so they happen one after another and each sees the last.
     */
    public void lockOrganization(String orgId) {
        organizations.lock(orgId);
    }

    public boolean isMember(String userId, String orgId) {
        return users.findByIdAndOrgId(userId, orgId).isPresent();
    }

    /** Which of these ids are members (removed users and other organizations' are not). */
    public List<String> membersAmong(Collection<String> userIds, String orgId) {
        return users.membersAmong(userIds, orgId);
    }

    /**
     * Locks the member until the transaction ends, so that a removal waits for the write that names them (and such
     * a write waits for a removal under way); false when they are not a member.
     */
    public boolean lockMember(String userId, String orgId) {
        return users.lockMember(userId, orgId) > 0;
    }

    /** Which of these ids are members, each locked as {@link #lockMember}, in id order (never crosswise). */
    public List<String> lockMembersAmong(Collection<String> userIds, String orgId) {
        return users.lockMembersAmong(userIds, orgId);
    }
}
