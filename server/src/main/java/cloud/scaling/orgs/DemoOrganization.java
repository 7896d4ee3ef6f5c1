package cloud.scaling.orgs;

import cloud.scaling.auth.ApiKeys;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Makes a fresh server usable without a dashboard: on an empty database it creates the organization "Demo"
 * with an admin user and prints the key once on stdout. On the embedded database this always happens, with
 * a random key unless {@code SCALING_DEMO_API_KEY} names one; on PostgreSQL only when that variable is set,
 * so that a production database is never seeded by accident. The admin's email address is {@code
 * SCALING_DEMO_ADMIN_EMAIL} (else {@value #DEFAULT_ADMIN_EMAIL}), where their pages go; the API and an admin
 * command change it later.
 */
@Singleton
public class DemoOrganization implements ApplicationEventListener<StartupEvent> {

    static final String DEFAULT_ADMIN_EMAIL = "admin@demo.scaling.local";

    private final Provisioning provisioning;
    private final String jdbcUrl;
    private final String presetKey;
    private final String adminEmail;
    private final boolean seeding;

    public DemoOrganization(
            Provisioning provisioning,
            @Value("${datasources.default.url}") String jdbcUrl,
            @Value("${scaling.demo-api-key:}") @Nullable String presetKey,
            @Value("${scaling.demo-admin-email:}") @Nullable String adminEmail,
            @Value("${scaling.seed-demo:true}") boolean seeding) {
        this.seeding = seeding;
        this.provisioning = provisioning;
        this.jdbcUrl = jdbcUrl;
        this.presetKey = presetKey == null || presetKey.isBlank() ? null : presetKey.trim();
        this.adminEmail = adminEmail == null || adminEmail.isBlank() ? DEFAULT_ADMIN_EMAIL : adminEmail.trim();
    }

    /**
     * On the context's start, before the HTTP server opens its port: a script that waits for {@code /health} and
     * then uses the key must find it working (seeding on the server's start left a window of 401s). Admin
     * commands, which start the context without a server, switch it off.
     */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        boolean embedded = jdbcUrl.startsWith("jdbc:h2:");
        if (!seeding || (presetKey == null && !embedded) || provisioning.hasAnyOrganization()) {
            return;
        }
        if (presetKey != null && !ApiKeys.isWellFormed(presetKey)) {
            throw new ConfigurationException(
                    "SCALING_DEMO_API_KEY must be scl_live_ followed by 32 characters from [0-9A-Za-z]");
        }
        if (!EmailAddresses.isValid(adminEmail)) {
            throw new ConfigurationException("SCALING_DEMO_ADMIN_EMAIL is not a valid email address: " + adminEmail);
        }
        Provisioned demo = provisioning.createOrganization("Demo", adminEmail, presetKey);
        System.out.println("Created the organization \"Demo\" (" + demo.orgId() + ") with admin user " + demo.userId()
                + " (" + adminEmail + ").");
        System.out.println("Its API key, shown only this once: " + demo.apiKey());
    }
}
