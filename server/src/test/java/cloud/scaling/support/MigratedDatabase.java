package cloud.scaling.support;

import cloud.scaling.EmbeddedH2;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;

/** A fresh database migrated only up to an older version, with rows written as that version stored them. */
public final class MigratedDatabase {

    private MigratedDatabase() {}

    /** The database properties (for {@link TestServer#dedicated(Map)}) of a fresh database at {@code version}. */
    public static Map<String, Object> at(String version, String... statements) throws SQLException {
        Map<String, Object> database = TestDatabase.fresh();
        // The server adds its H2 settings to the URL itself; a migration from outside must use the same ones.
        String url = EmbeddedH2.url((String) database.get("datasources.default.url"));
        String user = (String) database.getOrDefault("datasources.default.username", "sa");
        String password = (String) database.getOrDefault("datasources.default.password", "");
        Flyway before = Flyway.configure()
                .dataSource(url, user, password)
                .target(version)
                .load();
        before.migrate();
        try (Connection connection = before.getConfiguration().getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return database;
    }
}
