package cloud.scaling.orgs;

import cloud.scaling.auth.Role;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.Hashing;
import cloud.scaling.auth.ApiKey;
import cloud.scaling.auth.ApiKeyRepository;
import cloud.scaling.auth.ApiKeys;
import cloud.scaling.auth.AuthRevisionRepository;
import cloud.scaling.auth.KeyRevoked;
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
    private final ApiKeyRepository keys;
    private final AuthRevisionRepository authRevision;
    private final ApplicationEventPublisher<KeyRevoked> revocations;
    private final ApplicationEventPublisher<OrganizationCreated> creations;
    private final Clock clock;

    public Provisioning(OrganizationRepository organizations, UserRepository users, ApiKeyRepository keys,
                        AuthRevisionRepository authRevision, ApplicationEventPublisher<KeyRevoked> revocations,
                        ApplicationEventPublisher<OrganizationCreated> creations, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.keys = keys;
        this.authRevision = authRevision;
        this.revocations = revocations;
        this.creations = creations;
        this.clock = clock;
    }

    /** A new organization with one admin user holding {@code apiKey} (a fresh key when null). */
    @Transactional
    public Provisioned createOrganization(String name, String adminEmail, String apiKey) {
        Instant now = clock.instant();
        Organization org = organizations.save(new Organization(RandomIds.prefixed("org"), name, now));
        creations.publishEvent(new OrganizationCreated(org.id(), now));
        return addUser(org.id(), adminEmail, Role.ADMIN, apiKey, now);
    }

    /** A new user of an existing organization, with a fresh key. */
    @Transactional
    public Provisioned createUser(String orgId, String email, Role role) {
        if (!organizations.existsById(orgId)) {
            throw new IllegalArgumentException("No organization " + orgId);
        }
        return addUser(orgId, email, role, null, clock.instant());
    }

    /**
     * Revokes the one active key with this display prefix; returns how many keys matched. This process refuses
     * the key once this returns; other running servers may take up to {@link
     * cloud.scaling.auth.KeyCache#MAX_STALENESS} longer (their caches learn of it from the auth revision).
     */
    @Transactional
    public int revokeKey(String displayPrefix) {
        List<ApiKey> matches = keys.findByDisplayPrefixAndRevokedAtIsNull(displayPrefix);
        if (matches.size() == 1) {
            keys.revoke(matches.get(0).id(), clock.instant());
            authRevision.advance();
            revocations.publishEvent(new KeyRevoked(matches.get(0).id()));
        }
        return matches.size();
    }

    public boolean hasAnyOrganization() {
        return organizations.count() > 0;
    }

    private Provisioned addUser(String orgId, String email, Role role, String apiKey, Instant now) {
        String key = apiKey == null ? ApiKeys.generate() : apiKey;
        if (!ApiKeys.isWellFormed(key)) {
            throw new IllegalArgumentException("An API key must be scl_live_ followed by 32 base62 characters");
        }
        User user = users.save(new User(RandomIds.prefixed("user"), orgId, email, null, null, role.wireName(), now));
        keys.save(new ApiKey(RandomIds.prefixed("key"), orgId, user.id(), Hashing.sha256Hex(key),
                ApiKeys.displayPrefix(key), now, null));
        return new Provisioned(orgId, user.id(), key);
    }

}
