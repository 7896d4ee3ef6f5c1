package cloud.scaling.auth;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A key just issued, with the key itself in clear text: shown once, never stored. */
@Serdeable
public record IssuedKey(String id, String userId, String displayPrefix, Instant createdAt, String apiKey) {}
