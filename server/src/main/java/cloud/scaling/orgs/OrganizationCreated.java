package cloud.scaling.orgs;

import java.time.Instant;

/**
 * An organization was created. Published synchronously inside the transaction that creates it, so that features
 * giving every organization something from its start (a default routing policy) add it in the same commit,
 * without {@code orgs} knowing those features.
 */
public record OrganizationCreated(String orgId, Instant at) {}
