package cloud.scaling.auth;

/** Who is calling: the organization, user (and their role) and key an authenticated request acts for. */
public record Caller(String orgId, String userId, String apiKeyId, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
