package cloud.scaling.schema;

import cloud.scaling.schema.BundledMigrations.Migration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings every datasource's schema up to this build's migrations as the datasource is created, before anything
 * can use it. When the schema history already lists exactly the bundled migrations (same versions, descriptions
 * and checksums, all successful, nothing else), Flyway would find nothing to apply and nothing to reject, so it is
 * not loaded at all: one query instead of about a tenth of a second of start-up. Anything else (an empty or older
 * database, an edited migration, a failed one, another server migrating right now) goes to Flyway, which applies,
 * validates and locks exactly as before.
 */
@Singleton
@Requires(property = SchemaMigrations.ENABLED, notEquals = "false")
public class SchemaMigrations implements BeanCreatedEventListener<DataSource> {

    /** {@code false}: the datasource is left as it is (the admin's backup of a database before an upgrade). */
    public static final String ENABLED = "scaling.schema.migrate";

    /** What {@link #migrate(DataSource)} did. */
    public enum Outcome {
        /** The history matched the bundled migrations; Flyway was not needed. */
        ALREADY_CURRENT,
        /** Flyway ran (and applied whatever was missing). */
        MIGRATED_BY_FLYWAY
    }

    private static final String HISTORY =
            "SELECT version, description, type, checksum, success FROM flyway_schema_history ORDER BY installed_rank";

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // By now Micronaut Data may have wrapped the pool in a proxy whose connections come from beans that need
        // this very datasource; the migration talks to the pool itself.
        migrate(DelegatingDataSource.unwrapDataSource(event.getBean()));
        return event.getBean();
    }

    /** Migrates {@code dataSource} to the bundled migrations; throws Flyway's exceptions when it cannot. */
    public Outcome migrate(DataSource dataSource) {
        Optional<List<Migration>> bundled = BundledMigrations.load(SchemaMigrations.class.getClassLoader());
        if (bundled.isPresent() && bundled.get().equals(applied(dataSource))) {
            return Outcome.ALREADY_CURRENT;
        }
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + BundledMigrations.LOCATION)
                .load();
        refuseANewerSchema(flyway);
        flyway.migrate();
        return Outcome.MIGRATED_BY_FLYWAY;
    }

    /**
     * A schema that a newer release migrated is refused before anything is applied: Flyway would only warn and
     * start this server on tables it does not know (its default ignores "future" migrations).
     */
    private static void refuseANewerSchema(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all(); // in version order
        List<MigrationInfo> future =
                Arrays.stream(all).filter(SchemaMigrations::isFuture).toList();
        if (future.isEmpty()) {
            return;
        }
        String ours = Arrays.stream(all)
                .filter(migration -> !isFuture(migration) && migration.getVersion() != null)
                .reduce((older, newer) -> newer)
                .map(migration -> migration.getVersion().getVersion())
                .orElse("none");
        throw new FlywayException("The database's schema is at version "
                + future.get(future.size() - 1).getVersion() + ", newer than this server's newest migration (" + ours
                + "): a newer Scaling release migrated it. Nothing was changed. Run that release or a newer one, or "
                + "restore the backup taken before the upgrade (README, \"Upgrades and backups\").");
    }

    private static boolean isFuture(MigrationInfo migration) {
        return migration.getState() == MigrationState.FUTURE_SUCCESS
                || migration.getState() == MigrationState.FUTURE_FAILED;
    }

    /**
     * The successful versioned SQL migrations the history records, in the order applied; {@code null} when the
     * history holds anything else (a failed, repeatable or baseline entry) or cannot be read (no history table
     * yet): then Flyway decides.
     */
    private static List<Migration> applied(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            // Asked first rather than caught: H2 writes every failed statement into a .trace.db file.
            try (ResultSet tables =
                    connection.getMetaData().getTables(null, connection.getSchema(), "flyway_schema_history", null)) {
                if (!tables.next()) {
                    return null;
                }
            }
            return applied(connection);
        } catch (SQLException unreadable) {
            return null;
        }
    }

    private static List<Migration> applied(Connection connection) throws SQLException {
        List<Migration> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(HISTORY)) {
            while (rows.next()) {
                if ("TABLE".equals(rows.getString("type")) && rows.getString("version") == null) {
                    continue; // Flyway's note that it created the history table (rank -1), not a migration
                }
                int checksum = rows.getInt("checksum");
                boolean hasChecksum = !rows.wasNull();
                if (!"SQL".equals(rows.getString("type")) || !rows.getBoolean("success") || !hasChecksum) {
                    return null;
                }
                applied.add(new Migration(rows.getString("version"), rows.getString("description"), checksum));
            }
            return applied;
        }
    }
}
