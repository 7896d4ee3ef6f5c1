package cloud.scaling.contract.server.support;

import cloud.scaling.idempotency.IdempotencyRepository;
import cloud.scaling.orgs.Provisioned;
import cloud.scaling.pager.PageTokens;
import cloud.scaling.pager.TokenPurpose;
import cloud.scaling.support.TestServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.sql.Wrapper;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The real server, in process, on a random port and a fresh database of the run's kind (H2 or PostgreSQL): the
 * server module's own {@link TestServer}, seen through {@link ContractHttp}. Tests talk to it over HTTP only; the
 * application context is used just to provision organizations (the API has no endpoint for that), to hold an
 * idempotency key and to take the database away.
 */
public final class ContractServer implements AutoCloseable {

    private static ContractServer shared;

    private final TestServer server;
    private final ContractHttp http;

    private ContractServer(TestServer server) {
        this.server = server;
        this.http = new ContractHttp(server.uri(), Coverage.ledger());
    }

    /** One server for all test classes of this JVM; tests isolate themselves by organization. */
    public static synchronized ContractServer shared() {
        if (shared == null) {
            shared = new ContractServer(TestServer.shared());
        }
        return shared;
    }

    /** A server of its own, on its own database, for a test that breaks it. */
    public static ContractServer dedicated() {
        return new ContractServer(TestServer.dedicated());
    }

    public ContractHttp http() {
        return http;
    }

    public URI uri() {
        return server.uri();
    }

    public Org newOrganization() {
        Provisioned provisioned = server.newOrganization();
        return new Org(provisioned.orgId(), provisioned.userId(), provisioned.apiKey());
    }

    /** A second, non-admin user of {@code org}, as an Org holding that member's key. */
    public Org newMember(Org org) {
        Provisioned member = server.newMember(org.orgId());
        return new Org(org.orgId(), member.userId(), member.apiKey(), org.createdIds());
    }

    /** A member of {@code org} with this address, created out of band as the admin command does. */
    public Org newMember(Org org, String email) {
        Provisioned member = server.newMember(org.orgId(), email);
        return new Org(org.orgId(), member.userId(), member.apiKey(), org.createdIds());
    }

    /**
     * The token of a responder-page link of {@code owner}'s: an incident whose policy pages the owner, and a token
     * minted for that page as its delivery would (the link reaches people only by email; this server sends none).
     */
    public String pageToken(Org owner) {
        String policy = policyPaging(owner, "Pages " + UUID.randomUUID());
        String incident = http.post("/v1/incidents")
                .as(owner)
                .json("{\"title\": \"Paged\", \"severity\": \"high\", \"escalationPolicyId\": \"" + policy + "\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        String page = http.get("/v1/incidents/" + incident)
                .as(owner)
                .send()
                .expect(200)
                .data()
                .get("pages")
                .get(0)
                .get("id")
                .asText();
        return server.context()
                .getBean(PageTokens.class)
                .mint(owner.orgId(), UUID.fromString(incident), owner.userId(), page, TokenPurpose.RESPOND);
    }

    /** A new escalation policy of {@code owner}'s without levels. */
    public String emptyPolicy(Org owner, String name) {
        return http.post("/v1/escalation/policies")
                .as(owner)
                .json("{\"name\": \"" + name + "\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
    }

    /** A new escalation policy of {@code owner}'s whose one level pages the owner. */
    public String policyPaging(Org owner, String name) {
        String policy = emptyPolicy(owner, name);
        http.post("/v1/escalation/policies/" + policy + "/layers")
                .as(owner)
                .json("{\"position\": 1, \"ackTimeoutMinutes\": 5, \"target\": {\"type\": \"users\", \"userIds\": [\""
                        + owner.userId() + "\"]}}")
                .send()
                .expect(201);
        return policy;
    }

    /** Marks {@code key} as held by a request of {@code org} that is still running, as a slow request would. */
    public void holdIdempotencyKey(Org org, String key) {
        server.context()
                .getBean(IdempotencyRepository.class)
                .claim(org.orgId() + ":" + key, "0".repeat(64), Instant.now());
    }

    /** Closes the connection pool under the running server: every query fails from now on. */
    public void loseDatabase() {
        try {
            for (DataSource dataSource : server.context().getBeansOfType(DataSource.class)) {
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
        server.close();
    }
}
