package cloud.scaling;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings every H2 database of the server runs with, in one place: whatever H2 URL the server is given
 * (the default {@code jdbc:h2:file:./data/scaling}, a test's temporary file, an operator's own), the settings it
 * does not name itself are appended when the datasource is configured. Tools that open the same file while the
 * server runs (the benchmark) build their URL with {@link #url(String)}.
 */
@Singleton
public class EmbeddedH2 implements BeanCreatedEventListener<DatasourceConfiguration> {

    /**
     * PostgreSQL's dialect and name folding, so that one set of SQL serves both databases; AUTO_SERVER lets the
     * admin command open the file while the server runs. WRITE_DELAY=0 writes each commit to the file before
     * the commit returns: H2's default keeps commits in memory for up to half a second, and a server killed in
     * that time lost transactions it had already acknowledged with a 201. LOCK_TIMEOUT waits as long as
     * PostgreSQL would for a row another request holds (H2's one second fails busy rows with an error).
     */
    static final Map<String, String> SETTINGS = settings(
            "MODE=PostgreSQL",
            "DATABASE_TO_LOWER=TRUE",
            "DEFAULT_NULL_ORDERING=HIGH",
            "AUTO_SERVER=TRUE",
            "WRITE_DELAY=0",
            "LOCK_TIMEOUT=10000");

    /** {@code jdbcUrl} with every setting of {@link #SETTINGS} it does not set itself; other URLs unchanged. */
    public static String url(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return jdbcUrl;
        }
        StringBuilder url = new StringBuilder(jdbcUrl);
        String upper = ";" + jdbcUrl.toUpperCase(Locale.ROOT);
        SETTINGS.forEach((name, value) -> {
            if (!upper.contains(";" + name + "=")) {
                url.append(';').append(name).append('=').append(value);
            }
        });
        return url.toString();
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (datasource.getUrl() != null) {
            datasource.setUrl(url(datasource.getUrl()));
        }
        return datasource;
    }

    private static Map<String, String> settings(String... settings) {
        Map<String, String> byName = new LinkedHashMap<>();
        Arrays.stream(settings).map(setting -> setting.split("=", 2)).forEach(pair -> byName.put(pair[0], pair[1]));
        return byName;
    }
}
