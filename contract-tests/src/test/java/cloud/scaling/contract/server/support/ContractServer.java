package cloud.scaling.contract.server.support;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.idempotency.IdempotencyRepository;
import cloud.scaling.orgs.Provisioning;
import cloud.scaling.orgs.Role;
import cloud.scaling.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import javax.sql.DataSource;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.sql.Wrapper;
import java.util.HashMap;
import java.util.Map;
import java.time.Instant;
import java.util.UUID;

/**
 * The real server, in process, on a random port and a fresh database of the run's kind (H2 or PostgreSQL).
 * Tests talk to it over HTTP only, through {@link ContractHttp}; the application context is used just to
 * provision organizations (the API has no endpoint for that) and to take the database away.
 */
public final class ContractServer implements AutoCloseable {

    private static ContractServer shared;

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final ContractHttp http;

    private ContractServer() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.fresh());
        properties.put("micronaut.server.port", -1);
        this.context = ApplicationContext.builder().properties(properties).start();
        this.server = context.getBean(EmbeddedServer.class).start();
        this.http = new ContractHttp(server.getURI(), Coverage.ledger());
    }

    /** One server for all test classes of this JVM; tests isolate themselves by organization. */
    public static synchronized ContractServer shared() {
        if (shared == null) {
            shared = new ContractServer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A server of its own, on its own database, for a test that breaks it. */
    public static ContractServer dedicated() {
        return new ContractServer();
    }

    public ContractHttp http() {
        return http;
    }

    public URI uri() {
        return server.getURI();
    }

    public Org newOrganization() {
        Provisioned provisioned = context.getBean(Provisioning.class)
                .createOrganization("Contract org " + UUID.randomUUID(), "admin-" + UUID.randomUUID() + "@test", null);
        return new Org(provisioned.orgId(), provisioned.userId(), provisioned.apiKey());
    }

    /** A second, non-admin user of {@code org}, as an Org holding that member's key. */
    public Org newMember(Org org) {
        Provisioned member = context.getBean(Provisioning.class)
                .createUser(org.orgId(), "member-" + UUID.randomUUID() + "@test", Role.MEMBER);
        return new Org(org.orgId(), member.userId(), member.apiKey(), org.createdIds());
    }

    /** Marks {@code key} as held by a request of {@code org} that is still running, as a slow request would. */
    public void holdIdempotencyKey(Org org, String key) {
        context.getBean(IdempotencyRepository.class).claim(org.orgId() + ":" + key, "0".repeat(64), Instant.now());
    }

    /** Closes the connection pool under the running server: every query fails from now on. */
    public void loseDatabase() {
        try {
            for (DataSource dataSource : context.getBeansOfType(DataSource.class)) {
                closeable(dataSource).close();
            }
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("Could not close the server's connection pool", e);
        }
    }

    private static Closeable closeable(DataSource dataSource) throws java.sql.SQLException {
        if (dataSource instanceof Closeable closeable) {
            return closeable;
        }
        Wrapper wrapper = dataSource;
        if (wrapper.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
            return wrapper.unwrap(com.zaxxer.hikari.HikariDataSource.class);
        }
        throw new IllegalStateException("Cannot close the data source " + dataSource.getClass());
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
