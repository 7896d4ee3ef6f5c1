package cloud.scaling.incidents;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to an incident. Published synchronously inside the transaction that made the change, so that
 * features reacting to incidents (paging, outbound webhooks) record their consequences in the same commit, without
 * {@code incidents} knowing them. {@code actorId} is the user whose request made the change.
 */
public sealed interface IncidentChange {

    String orgId();

    UUID incidentId();

    Instant at();

    /**
     * A new incident; {@code escalationPolicyId} is the policy it pages through, if any, and {@code firstLevelOnly}
     * stops that escalation after the first level it pages.
     */
    record Opened(
            String orgId,
            UUID incidentId,
            @Nullable String escalationPolicyId,
            boolean firstLevelOnly,
            @Nullable String ownerId,
            String actorId,
            Instant at)
            implements IncidentChange {}

    /** The lifecycle moved one step ({@code to} is {@code resolved} at the end). */
    record StatusChanged(
            String orgId, UUID incidentId, IncidentStatus from, IncidentStatus to, String actorId, Instant at)
            implements IncidentChange {
        public boolean resolved() {
            return to.resolved();
        }
    }

    /** The first acknowledgement (later ones change nothing and publish nothing). */
    record Acknowledged(String orgId, UUID incidentId, String actorId, Instant at) implements IncidentChange {}

    /** The owner changed by handoff. */
    record HandedOff(
            String orgId, UUID incidentId, @Nullable String previousOwnerId, String ownerId, String actorId, Instant at)
            implements IncidentChange {}

    /** An update was posted to the timeline (a status step, if any, is published as well). */
    record UpdatePosted(String orgId, UUID incidentId, UUID updateId, Visibility visibility, String actorId, Instant at)
            implements IncidentChange {}
}
