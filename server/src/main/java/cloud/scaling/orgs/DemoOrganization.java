package cloud.scaling.orgs;

import cloud.scaling.auth.ApiKeys;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Makes a fresh server usable without a dashboard: on an empty database it creates the organization "Demo"
 * with an admin user and prints the key once on stdout. On the embedded database this always happens, with
 * a random key unless {@code SCALING_DEMO_API_KEY} names one; on PostgreSQL only when that variable is set,
 * so that a production database is never seeded by accident.
 */
@Singleton
// First of the start-up listeners (the scheduler's start writes to the database): a client that saw the server
// healthy should meet the demo key as soon as possible.
@Order(-100)
public class DemoOrganization implements ApplicationEventListener<ServerStartupEvent> {

    private final Provisioning provisioning;
    private final String jdbcUrl;
    private final String presetKey;

    public DemoOrganization(Provisioning provisioning,
                            @Value("${datasources.default.url}") String jdbcUrl,
                            @Value("${scaling.demo-api-key:}") @Nullable String presetKey) {
        this.provisioning = provisioning;
        this.jdbcUrl = jdbcUrl;
        this.presetKey = presetKey == null || presetKey.isBlank() ? null : presetKey.trim();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        boolean embedded = jdbcUrl.startsWith("jdbc:h2:");
        if ((presetKey == null && !embedded) || provisioning.hasAnyOrganization()) {
            return;
        }
        if (presetKey != null && !ApiKeys.isWellFormed(presetKey)) {
            throw new ConfigurationException(
                    "SCALING_DEMO_API_KEY must be scl_live_ followed by 32 characters from [0-9A-Za-z]");
        }
        Provisioned demo = provisioning.createOrganization("Demo", "admin@demo.scaling.local", presetKey);
        System.out.println("Created the organization \"Demo\" (" + demo.orgId() + ") with admin user "
                + demo.userId() + ".");
        System.out.println("Its API key, shown only this once: " + demo.apiKey());
    }
}
