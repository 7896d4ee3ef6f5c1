package cloud.scaling.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A webhook endpoint as stored: {@code eventTypes} is the comma-separated type names (empty: every type) and
 * {@code secretSealed} the encrypted signing secret; after a rotation, {@code previousSecretSealed} the one it replaced,
 * which signs too until {@code previousSecretExpiresAt}.
 */
@MappedEntity("webhook_endpoints")
record WebhookEndpointRow(
        @Id String id,
        String orgId,
        String url,
        @Nullable String description,
        String eventTypes,
        boolean enabled,
        String secretSealed,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String previousSecretSealed,
        @Nullable Instant previousSecretExpiresAt) {

    /** Until when the previous secret signs too, if it still does at {@code now}. */
    public @Nullable Instant previousSecretSigningUntil(Instant now) {
        return previousSecretSealed != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)
                ? previousSecretExpiresAt
                : null;
    }

    public Set<EventType> subscribedTypes() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Arrays.stream(eventTypes.split(","))
                .map(EventType::of)
                .flatMap(java.util.Optional::stream)
                .forEach(types::add);
        return types;
    }

    public boolean receives(EventType type) {
        return enabled && (eventTypes.isEmpty() || subscribedTypes().contains(type));
    }

    static String stored(Set<EventType> types) {
        return types.stream()
                .sorted(Comparator.naturalOrder())
                .map(EventType::value)
                .collect(Collectors.joining(","));
    }
}
