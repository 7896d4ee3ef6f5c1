package cloud.scaling.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One chat channel a user is paged on; {@code type} is {@code slack} or {@code teams}, the URL sealed. */
@MappedEntity("contact_methods")
record ContactMethodRow(
        @Id String id,
        String orgId,
        String userId,
        String type,
        String urlSealed,
        String maskedUrl,
        @Nullable String label,
        Instant createdAt) {}
