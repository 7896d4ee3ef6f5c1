package cloud.scaling.alerts;

/** An integration together with its ingest token, which exists in clear text only in this answer. */
public record IssuedIntegration(IntegrationRow integration, String token) {}
