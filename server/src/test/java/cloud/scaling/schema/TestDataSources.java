package cloud.scaling.schema;

import cloud.scaling.EmbeddedH2;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A plain datasource on a test database (TestDatabase's properties), for work before or beside the server. */
final class TestDataSources {

    private TestDataSources() {}

    static DataSource of(Map<String, Object> database) {
        // The server adds its H2 settings to the URL itself; so must anything else that opens the database.
        String url = EmbeddedH2.url((String) database.get("datasources.default.url"));
        String user = (String) database.getOrDefault("datasources.default.username", "sa");
        String password = (String) database.getOrDefault("datasources.default.password", "");
        return Flyway.configure().dataSource(url, user, password).getDataSource();
    }
}
