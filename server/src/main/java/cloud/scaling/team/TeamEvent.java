package cloud.scaling.team;

/** What the team's audit trail records. */
enum TeamEvent {
    MEMBER_INVITED,
    INVITATION_REVOKED,
    INVITATION_ACCEPTED,
    MEMBER_ROLE_CHANGED,
    MEMBER_REMOVED,
    MEMBER_DETAILS_CHANGED,
    API_KEY_ISSUED,
    API_KEY_REVOKED;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
