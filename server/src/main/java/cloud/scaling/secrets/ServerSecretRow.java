package cloud.scaling.secrets;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A secret the server generates once and keeps in its database, so that every instance and restart agree. */
@MappedEntity("server_secrets")
record ServerSecretRow(@Id String name, String secret) {}
