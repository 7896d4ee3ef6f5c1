package cloud.scaling.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A routing policy as stored: {@code rules} is the JSON array of its four rules exactly as sent; {@code defaultOf}
 * is the organization's id on its one default policy and null on every other.
 */
@MappedEntity("routing_policies")
record RoutingPolicyRow(
        @Id String id,
        String orgId,
        String name,
        @Nullable String description,
        String rules,
        @Nullable String defaultOf,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isDefault() {
        return defaultOf != null;
    }
}
