package cloud.scaling.alerts;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert as stored. {@code firingKey} is the dedup key while the alert fires and null once resolved (the
 * database admits one firing alert per integration and key); {@code attributes} and {@code annotations} are JSON
 * objects of strings, {@code links} a JSON {@link AlertLinks}; {@code outcome} the routing outcome's wire name;
 * {@code paged} and {@code notPagedReason} what taking it did about paging.
 */
@MappedEntity("alerts")
record AlertRow(
        @Id String id,
        String orgId,
        String integrationId,
        String dedupKey,
        @Nullable String firingKey,
        String title,
        @MappedProperty(converter = Severity.Column.class) Severity severity,
        String status,
        String attributes,
        String routingPolicyId,
        String outcome,
        @Nullable UUID incidentId,
        long deliveries,
        Instant receivedAt,
        @Nullable Instant resolvedAt,
        @Nullable String description,
        String annotations,
        String links,
        @Nullable Instant startsAt,
        boolean truncated,
        boolean paged,
        @Nullable String notPagedReason) {

    static final String FIRING = "firing";
    static final String RESOLVED = "resolved";

    /** This alert as it reads once {@code times} more deliveries were counted. */
    AlertRow redelivered(long times) {
        return copy(incidentId, deliveries + times);
    }

    private AlertRow copy(@Nullable UUID incident, long deliveries) {
        return new AlertRow(
                id,
                orgId,
                integrationId,
                dedupKey,
                firingKey,
                title,
                severity,
                status,
                attributes,
                routingPolicyId,
                outcome,
                incident,
                deliveries,
                receivedAt,
                resolvedAt,
                description,
                annotations,
                links,
                startsAt,
                truncated,
                paged,
                notPagedReason);
    }
}
