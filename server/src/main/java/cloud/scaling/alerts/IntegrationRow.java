package cloud.scaling.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * An inbound integration as stored: {@code selectors} is the JSON array of its ordered selectors exactly as last
 * set, {@code tokenHash} the SHA-256 of its ingest token (the token itself is never stored), {@code createdBy}
 * the member the integration acts as when it opens or resolves incidents.
 */
@MappedEntity("inbound_integrations")
record IntegrationRow(
        @Id String id,
        String orgId,
        String name,
        String type,
        @Nullable String componentId,
        @Nullable String routingPolicyId,
        String selectors,
        String tokenHash,
        String tokenPrefix,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
