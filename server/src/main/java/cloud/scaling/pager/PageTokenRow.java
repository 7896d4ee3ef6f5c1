package cloud.scaling.pager;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/** A minted link token as stored: its id and the SHA-256 (hex) of its secret, never the secret itself. */
@MappedEntity("page_tokens")
record PageTokenRow(
        @Id String id,
        String secretHash,
        String orgId,
        UUID incidentId,
        String userId,
        String pageId,

        @MappedProperty(converter = TokenPurpose.Column.class)
        TokenPurpose purpose,

        Instant createdAt,
        Instant expiresAt) {}
