package cloud.scaling.auth;

/** Who is calling: the organization, user and key an authenticated request acts for. */
public record Caller(String orgId, String userId, String apiKeyId) {
}
