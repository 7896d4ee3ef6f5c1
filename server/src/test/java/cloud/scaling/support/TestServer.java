package cloud.scaling.support;

import cloud.scaling.auth.Role;
import cloud.scaling.orgs.Provisioned;
import cloud.scaling.orgs.Provisioning;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

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
        // A random port, unless the test needs to know it before start (a public address that names it).
        properties.putIfAbsent("micronaut.server.port", -1);
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
        return dedicated(Map.of());
    }

    /** A server of its own on a new database, with extra configuration properties. */
    /**
     * A server of its own whose statements {@link #statementsDuring} lists, with the schedulers off: for counting
     * the database round trips of one request.
     */
    public static TestServer recordingStatements() {
        return dedicated(Map.of("scaling.test.statement-log", true, "scaling.scheduler.enabled", false));
    }

    public static TestServer dedicated(Map<String, Object> extraProperties) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.fresh());
        properties.putAll(extraProperties);
        return new TestServer(properties);
    }

    /** The database properties this server runs on, e.g. for a second process on the same database. */
    public Map<String, Object> databaseProperties() {
        return database;
    }

    /** A new server on the same database as this one (after {@link #close()}, a restart). */
    public TestServer restartedOnSameDatabase() {
        return new TestServer(database);
    }

    public URI uri() {
        return server.getURI();
    }

    /** A client with this key whose every exchange is checked against the spec ({@link SpecCheck}). */
    public ApiClient api(String apiKey) {
        return new ApiClient(uri(), apiKey).checkedBy(SpecCheck.INSTANCE);
    }

    public ApiClient anonymous() {
        return api(null);
    }

    public Provisioned newOrganization() {
        return context.getBean(Provisioning.class)
                .createOrganization("Test org " + UUID.randomUUID(), "admin-" + UUID.randomUUID() + "@test", null);
    }

    public Provisioned newMember(String orgId) {
        return newMember(orgId, "member-" + UUID.randomUUID() + "@test");
    }

    public Provisioned newMember(String orgId, String email) {
        return context.getBean(Provisioning.class).createUser(orgId, email, Role.MEMBER);
    }

    public SettableClock clock() {
        return context.getBean(SettableClock.class);
    }

    /** A write straight to the database, to set up states the API cannot produce on demand. */
    public int update(String sql, Object... args) {
        return withStatement(sql, args, PreparedStatement::executeUpdate);
    }

    /** Rows of a read straight from the database, bypassing the application, to check what it stored. */
    public List<List<Object>> query(String sql, Object... args) {
        return withStatement(sql, args, statement -> {
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    private <T> T withStatement(String sql, Object[] args, SqlWork<T> work) {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return work.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private interface SqlWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    /** The statements {@code request} sends (on a server made by {@link #recordingStatements}). */
    public List<String> statementsDuring(Runnable request) {
        return context().getBean(StatementLog.class).during(request);
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
