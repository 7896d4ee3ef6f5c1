package cloud.scaling.pagination;

import java.time.Instant;

/** A keyset position: a page continues after the row with this (createdAt, id). */
public record CursorPosition(Instant createdAt, String id) {}
