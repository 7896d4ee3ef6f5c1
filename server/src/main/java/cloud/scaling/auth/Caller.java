package cloud.scaling.auth;

import io.micronaut.core.annotation.Nullable;

/**
 * Who is calling: the organization, user (and their role) and key an authenticated request acts for. {@code channel}
 * names how a person acted without the API (e.g. {@code page_email}, a one-click link of a page), for the audit.
 */
public record Caller(
        String orgId,
        String userId,
        String apiKeyId,
        Role role,
        @Nullable String channel) {

    public Caller(String orgId, String userId, String apiKeyId, Role role) {
        this(orgId, userId, apiKeyId, role, null);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
