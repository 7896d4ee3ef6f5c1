package cloud.scaling.orgs;

import io.micronaut.serde.annotation.Serdeable;

/** What provisioning hands back once: the new organization, its admin user and the key in clear text. */
@Serdeable
public record Provisioned(String orgId, String userId, String apiKey) {}
