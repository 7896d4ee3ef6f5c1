package cloud.scaling.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge read from the database at each scrape, for figures shared by every server on the database (backlogs):
 * counted where they are stored rather than kept in one process's memory, so every server shows the same value.
 */
public final class DatabaseGauge {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGauge.class);

    /** Reads the value on a connection of its own, outside any transaction. */
    @FunctionalInterface
    public interface Reading {
        double read(Connection connection) throws SQLException;
    }

    private DatabaseGauge() {}

    /**
     * Registers {@code name}; {@code dataSource} is resolved at the first scrape, since the pool itself is built
     * with the meter registry that binds the gauge.
     */
    public static void register(
            MeterRegistry registry,
            BeanProvider<DataSource> dataSource,
            String name,
            String description,
            Tags tags,
            Reading reading) {
        Gauge.builder(name, () -> read(dataSource, name, tags, reading))
                .tags(tags)
                .description(description)
                .register(registry);
    }

    private static double read(BeanProvider<DataSource> dataSource, String name, Tags tags, Reading reading) {
        try (Connection connection =
                DelegatingDataSource.unwrapDataSource(dataSource.get()).getConnection()) {
            return reading.read(connection);
        } catch (SQLException e) {
            // A scrape must not fail because the database does; the gauge shows "unknown".
            LOG.warn("Could not read {}{}: {}", name, tags, e.getMessage());
            return Double.NaN;
        }
    }
}
