package cloud.scaling.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The single row of {@code auth_revision}: see {@link KeyCache} for what it is for. */
@MappedEntity("auth_revision")
record AuthRevisionRow(@Id short id, long revision) {}
