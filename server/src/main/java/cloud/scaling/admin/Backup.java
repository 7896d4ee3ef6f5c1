package cloud.scaling.admin;

import cloud.scaling.orgs.ProvisioningRefused;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code admin backup --to FILE.zip}: a consistent copy of the embedded H2 database, taken online (H2's
 * {@code BACKUP TO} copies the database as of one moment while the server goes on serving). PostgreSQL has its own
 * tools for that (pg_dump), which the command names instead.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Writes a consistent backup of the embedded H2 database to a new zip file, also while the "
                + "server runs; prints {file, bytes}. Restore: stop the server, unzip it into the data directory. "
                + "For PostgreSQL use pg_dump.")
final class Backup implements Runnable {

    @ParentCommand
    private AdminCli admin;

    @Option(names = "--to", required = true, description = "the zip file to write (must not exist yet)")
    private Path to;

    @Serdeable
    record Written(String file, long bytes) {}

    @Override
    public void run() {
        // Absolute: while the server runs, H2's AUTO_SERVER has the server's process write the file.
        Path file = to.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new ProvisioningRefused(ProvisioningRefused.Reason.CONFLICT, file + " exists; name a new file.");
        }
        if (!file.getFileName().toString().endsWith(".zip")) {
            throw new IllegalArgumentException("--to: the backup is a zip file; name it ….zip");
        }
        DataSource dataSource = admin.unmigratedDataSource();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equals(product)) {
                throw new IllegalArgumentException("backup copies the embedded H2 database; this one is " + product
                        + ": use its own tools (PostgreSQL: pg_dump, see the README's \"Upgrades and backups\").");
            }
            // BACKUP TO takes a literal, not a parameter.
            statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            admin.print(new Written(file.toString(), Files.size(file)));
        } catch (SQLException e) {
            throw new IllegalStateException(e); // reported as database trouble
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
