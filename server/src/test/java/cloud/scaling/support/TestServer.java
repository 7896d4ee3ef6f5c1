package cloud.scaling.support;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.orgs.Provisioning;
import cloud.scaling.orgs.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real application, HTTP server included, on a random port and a fresh database of the suite's kind.
 * Tests talk to it over HTTP only; they use the application context just to provision organizations and
 * users (there is no API for that) and to pin the clock.
 */
public final class TestServer implements AutoCloseable {

    private static TestServer shared;

    private final Map<String, Object> database;
    private final ApplicationContext context;
    private final EmbeddedServer server;

    private TestServer(Map<String, Object> database) {
        this.database = database;
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", -1);
        this.context = ApplicationContext.builder().properties(properties).start();
        this.server = context.getBean(EmbeddedServer.class).start();
    }

    /** One server for all test classes of this JVM; tests isolate themselves by organization. */
    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = new TestServer(TestDatabase.fresh());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A server of its own on a new database, for tests that restart it or need it empty. */
    public static TestServer dedicated() {
        return new TestServer(TestDatabase.fresh());
    }

    /** A new server on the same database as this one (after {@link #close()}, a restart). */
    public TestServer restartedOnSameDatabase() {
        return new TestServer(database);
    }

    public URI uri() {
        return server.getURI();
    }

    public ApiClient api(String apiKey) {
        return new ApiClient(uri(), apiKey);
    }

    public ApiClient anonymous() {
        return new ApiClient(uri(), null);
    }

    public Provisioned newOrganization() {
        return context.getBean(Provisioning.class)
                .createOrganization("Test org " + UUID.randomUUID(), "admin-" + UUID.randomUUID() + "@test", null);
    }

    public Provisioned newMember(String orgId) {
        return context.getBean(Provisioning.class).createUser(orgId, "member-" + UUID.randomUUID() + "@test",
                Role.MEMBER);
    }

    public SettableClock clock() {
        return context.getBean(SettableClock.class);
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
        if (context.isRunning()) {
            context.close();
        }
    }
}
