package cloud.scaling.paging;

import java.time.Instant;

/** A keyset position: a page continues after the row with this (createdAt, id). */
public record PagePosition(Instant createdAt, String id) {}
