package cloud.scaling.orgs;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * Who is a member of an organization, for the features that name users (incidents, on-call, escalation, contact
 * methods, paging): the users table stays orgs' own. Removed users are members no longer.
 */
@Singleton
public class Membership {

    private final UserRepository users;

    Membership(UserRepository users) {
        this.users = users;
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
