package cloud.scaling.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.schema.BundledMigrations.Migration;
import cloud.scaling.schema.SchemaMigrations.Outcome;
import cloud.scaling.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * Flyway is skipped only when it would have had nothing to do: the bundled migrations, as read without Flyway,
 * must be exactly what Flyway records, and every other state of the history must still reach Flyway.
 */
class SchemaMigrationsTest {

    private final SchemaMigrations migrations = new SchemaMigrations();

    @Test
    void anEmptyDatabaseIsMigratedByFlywayAndIsCurrentAfterwards() throws SQLException {
        DataSource database = freshDatabase();

        assertEquals(Outcome.MIGRATED_BY_FLYWAY, migrations.migrate(database));

        // What this build reads from its migration files is what Flyway wrote down for them: versions,
        // descriptions and checksums alike (otherwise no start would ever skip Flyway).
        List<Migration> bundled =
                BundledMigrations.load(getClass().getClassLoader()).orElseThrow();
        assertEquals(history(database), bundled);
        assertEquals(MigrationFiles.count(), bundled.size(), "every V*.sql of src/main/resources/db/migration");
        assertEquals(Outcome.ALREADY_CURRENT, migrations.migrate(database));
    }

    private String newestMigration() {
        List<Migration> bundled =
                BundledMigrations.load(getClass().getClassLoader()).orElseThrow();
        return bundled.get(bundled.size() - 1).version();
    }

    @Test
    void anOlderDatabaseGetsTheMissingMigrationsFromFlyway() throws SQLException {
        DataSource database = freshDatabase();
        Flyway.configure().dataSource(database).target("5").load().migrate();
        assertEquals(5, history(database).size(), "V1 … V5");

        assertEquals(Outcome.MIGRATED_BY_FLYWAY, migrations.migrate(database));

        assertEquals(BundledMigrations.load(getClass().getClassLoader()).orElseThrow(), history(database));
        assertEquals(Outcome.ALREADY_CURRENT, migrations.migrate(database));
    }

    @Test
    void anEditedMigrationIsRejectedByFlywayAsBefore() throws SQLException {
        assertFlywayRejectsTheHistoryAfter(
                "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '20'");
    }

    @Test
    void aFailedMigrationInTheHistoryIsLeftToFlyway() throws SQLException {
        // Flyway refuses to go on past a failed migration until someone repairs it; skipping it would hide that.
        assertFlywayRejectsTheHistoryAfter("UPDATE flyway_schema_history SET success = FALSE WHERE version = '83'");
    }

    @Test
    void aSchemaANewerReleaseMigratedIsRefusedAndLeftAsItIs() throws SQLException {
        DataSource database = freshDatabase();
        migrations.migrate(database);
        // As a later release would leave it: one more migration applied, here a table this build does not know.
        execute(database, "CREATE TABLE from_the_future (id INT)");
        execute(
                database,
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) SELECT MAX(installed_rank) + 1, '9999',"
                        + " 'from the future', 'SQL', 'V9999__from_the_future.sql', 1, 'sa', 1, TRUE"
                        + " FROM flyway_schema_history");
        List<Migration> before = history(database);

        FlywayException refused = assertThrows(FlywayException.class, () -> migrations.migrate(database));

        assertTrue(
                refused.getMessage()
                        .startsWith("The database's schema is at version 9999, newer than this server's newest "
                                + "migration (" + newestMigration() + "): a newer Scaling release migrated it. Nothing"
                                + " was changed."),
                refused.getMessage());
        assertEquals(before, history(database));
    }

    /** A migrated database whose history {@code change} alters is handed to Flyway, whose validation refuses it. */
    private void assertFlywayRejectsTheHistoryAfter(String change) throws SQLException {
        DataSource database = freshDatabase();
        migrations.migrate(database);
        execute(database, change);

        assertThrows(FlywayValidateException.class, () -> migrations.migrate(database));
    }

    @Test
    void theChecksumIgnoresLineEndingsAndAByteOrderMark() throws IOException {
        int unix = checksum("CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n");
        assertEquals(unix, checksum("CREATE TABLE t (id INT);\r\nINSERT INTO t VALUES (1);\r\n"));
        assertEquals(unix, checksum("\uFEFFCREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);"));
        assertNotEquals(unix, checksum("CREATE TABLE t (id INT);\nINSERT INTO t VALUES (2);\n"));
    }

    private static int checksum(String text) throws IOException {
        return BundledMigrations.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static DataSource freshDatabase() {
        return TestDataSources.of(TestDatabase.fresh());
    }

    private static List<Migration> history(DataSource database) throws SQLException {
        List<Migration> history = new ArrayList<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version, description, checksum FROM flyway_schema_history WHERE type = 'SQL' "
                                + "ORDER BY installed_rank")) {
            while (rows.next()) {
                history.add(new Migration(rows.getString(1), rows.getString(2), rows.getInt(3)));
            }
        }
        return history;
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
