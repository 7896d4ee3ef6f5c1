package cloud.scaling.auth;

/** A user's role in their organization, written as on the wire ({@code org:admin}). */
public enum Role {
    ADMIN("org:admin"),
    MEMBER("org:member");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Role fromWireName(String wireName) {
        for (Role role : values()) {
            if (role.wireName.equals(wireName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role " + wireName);
    }
}
