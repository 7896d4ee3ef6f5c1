package cloud.scaling.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The migrations as written, counted in the source tree (tests run in the server module's directory). */
final class MigrationFiles {

    private MigrationFiles() {}

    static long count() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", BundledMigrations.LOCATION))) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
