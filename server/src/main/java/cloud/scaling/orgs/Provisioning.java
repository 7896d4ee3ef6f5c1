package cloud.scaling.orgs;

import cloud.scaling.auth.ApiKeyIssuer;
import cloud.scaling.auth.IssuedKey;
import cloud.scaling.auth.KeySummary;
import cloud.scaling.auth.Role;
import cloud.scaling.shared.RandomIds;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Creates organizations, users and API keys, and revokes keys. Used by the admin command and the demo
 * bootstrap; there is no dashboard. Each operation is one transaction: all rows or none.
 */
@Singleton
public class Provisioning {

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final ApiKeyIssuer issuer;
    private final UserDetails details;
    private final ApplicationEventPublisher<OrganizationCreated> creations;
    private final Clock clock;

    Provisioning(
            OrganizationRepository organizations,
            UserRepository users,
            ApiKeyIssuer issuer,
            UserDetails details,
            ApplicationEventPublisher<OrganizationCreated> creations,
            Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.issuer = issuer;
        this.details = details;
        this.creations = creations;
        this.clock = clock;
    }

    /** A new organization with one admin user holding {@code apiKey} (a fresh key when null). */
    @Transactional
    public Provisioned createOrganization(String name, String adminEmail, String apiKey) {
        requireText("organization name", name, 200);
        EmailAddresses.requireValid(adminEmail);
        Instant now = clock.instant();
        OrganizationRow org = organizations.save(new OrganizationRow(RandomIds.prefixed("org"), name, now));
        creations.publishEvent(new OrganizationCreated(org.id(), now));
        return addUser(org.id(), adminEmail, Role.ADMIN, apiKey, now);
    }

    /** A new user of an existing organization, with a fresh key. */
    @Transactional
    public Provisioned createUser(String orgId, String email, Role role) {
        requireOrganization(orgId);
        EmailAddresses.requireValid(email);
        if (users.findAnyByEmail(orgId, email).isPresent()) {
            throw new ProvisioningRefused(
                    ProvisioningRefused.Reason.CONFLICT,
                    "The organization " + orgId + " already has a user with the email address " + email);
        }
        return addUser(orgId, email, role, null, clock.instant());
    }

    /** An organization as listed: a value, so that the organizations table stays orgs' own. */
    public record Listed(String id, String name, Instant createdAt) {}

    /** Every organization, oldest first. */
    public List<Listed> listOrganizations() {
        return organizations.listAll().stream()
                .map(org -> new Listed(org.id(), org.name(), org.createdAt()))
                .toList();
    }

    /** The organization's members (removed users left out), oldest first. */
    public List<Member> listUsers(String orgId) {
        requireOrganization(orgId);
        return users.listOf(orgId).stream().map(Member::of).toList();
    }

    /** Sets a member's first and last name; null or blank clears one. */
    @Transactional
    public Member setName(String userId, String firstName, String lastName) {
        UserRow user = member(userId);
        return Member.of(details.change(
                user.orgId(),
                user.id(),
                new UserDetails.Change(firstName == null ? "" : firstName, lastName == null ? "" : lastName, null),
                null));
    }

    /** Sets a member's email address, where they are paged; another user of the organization may not have it. */
    @Transactional
    public Member setEmail(String userId, String email) {
        UserRow user = member(userId);
        return Member.of(details.change(user.orgId(), user.id(), new UserDetails.Change(null, null, email), null));
    }

    /** Another key for a member (not a removed user) of any organization. */
    @Transactional
    public IssuedKey issueKey(String userId) {
        UserRow user = member(userId);
        return issuer.issue(user.orgId(), user.id(), null);
    }

    /** The user's keys, revoked ones included, without the keys themselves. */
    public List<KeySummary> listKeys(String userId) {
        if (!users.existsById(userId)) {
            throw new ProvisioningRefused(ProvisioningRefused.Reason.NOT_FOUND, "No user " + userId);
        }
        return issuer.keysOf(userId);
    }

    /**
     * Revokes the one active key with this display prefix; returns how many keys matched. This process refuses
     * the key once this returns; other running servers may take up to {@link
     * cloud.scaling.auth.KeyCache#MAX_STALENESS} longer (their caches learn of it from the auth revision).
     */
    public int revokeKey(String displayPrefix) {
        return issuer.revokeByPrefix(displayPrefix);
    }

    public boolean hasAnyOrganization() {
        return organizations.count() > 0;
    }

    private UserRow member(String userId) {
        return users.findById(userId)
                .flatMap(user -> users.findByIdAndOrgId(user.id(), user.orgId()))
                .orElseThrow(() -> new ProvisioningRefused(
                        ProvisioningRefused.Reason.NOT_FOUND,
                        "No member " + userId + " (unknown, or removed from their organization)"));
    }

    private void requireOrganization(String orgId) {
        if (!organizations.existsById(orgId)) {
            throw new ProvisioningRefused(ProvisioningRefused.Reason.NOT_FOUND, "No organization " + orgId);
        }
    }

    private static void requireText(String what, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new ProvisioningRefused(
                    ProvisioningRefused.Reason.INVALID, "The " + what + " must be 1 to " + maxLength + " characters");
        }
    }

    private Provisioned addUser(String orgId, String email, Role role, String apiKey, Instant now) {
        UserRow user = users.save(new UserRow(RandomIds.prefixed("user"), orgId, email, null, null, role, now));
        return new Provisioned(
                orgId, user.id(), issuer.issue(orgId, user.id(), apiKey).apiKey());
    }
}
