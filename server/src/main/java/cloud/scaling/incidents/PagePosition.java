package cloud.scaling.incidents;

import java.time.Instant;
import java.util.UUID;

/** A keyset position in the newest-first order: the page continues after this (createdAt, id). */
public record PagePosition(Instant createdAt, UUID id) {
}
