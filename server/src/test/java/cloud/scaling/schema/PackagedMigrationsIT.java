package cloud.scaling.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.schema.BundledMigrations.Migration;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar lists its migrations through its own entries (the build's tests read them from a directory):
 * if that listing broke, every start would quietly go back to loading Flyway, so this holds it to the directory's.
 */
class PackagedMigrationsIT {

    @Test
    void theJarListsTheSameMigrationsAsTheBuild() throws IOException {
        Path jar = Path.of(System.getProperty("scaling.server.jar", ""));
        assertTrue(Files.isRegularFile(jar), "no server jar at " + jar + ": this test runs in 'mvn verify'");
        List<Migration> fromDirectory =
                BundledMigrations.load(getClass().getClassLoader()).orElseThrow();
        try (URLClassLoader packaged = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(fromDirectory, BundledMigrations.load(packaged).orElseThrow());
        }
        assertEquals(17, fromDirectory.size());
    }
}
