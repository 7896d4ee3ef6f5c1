package cloud.scaling.team;

import cloud.scaling.auth.ApiKeyIssuer;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.IssuedKey;
import cloud.scaling.auth.KeySummary;
import cloud.scaling.shared.Refusal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A member's API keys: an admin manages anyone's, a member their own. The key itself is shown only at issue. */
@Singleton
class MemberKeys {

    private final ApiKeyIssuer issuer;
    private final TeamAccess access;
    private final TeamAuditTrail audit;
    private final Clock clock;

    MemberKeys(ApiKeyIssuer issuer, TeamAccess access, TeamAuditTrail audit, Clock clock) {
        this.issuer = issuer;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    List<KeySummary> list(Caller caller, String userId) {
        access.requireKeysOf(caller, userId);
        access.member(caller, userId);
        return issuer.keysOf(userId);
    }

    @Transactional
    IssuedKey issue(Caller caller, String userId) {
        access.requireKeysOf(caller, userId);
        access.member(caller, userId);
        IssuedKey issued = issuer.issue(caller.orgId(), userId, null);
        audit.record(
                caller.orgId(),
                TeamEvent.API_KEY_ISSUED,
                caller.userId(),
                userId,
                issued.createdAt(),
                Map.of("keyId", issued.id(), "prefix", issued.displayPrefix()));
        return issued;
    }

    @Transactional
    void revoke(Caller caller, String userId, String keyId) {
        access.requireKeysOf(caller, userId);
        access.member(caller, userId);
        String prefix = issuer.displayPrefixOf(keyId, userId).orElseThrow(() -> Refusal.notFound("API key " + keyId));
        if (issuer.revoke(keyId)) {
            audit.record(
                    caller.orgId(),
                    TeamEvent.API_KEY_REVOKED,
                    caller.userId(),
                    userId,
                    clock.instant(),
                    Map.of("keyId", keyId, "prefix", prefix));
        }
    }
}
