package cloud.scaling.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader answers as Micronaut's default one: files' contents, and nothing for directories or escapes. */
class JarResourceLoaderTest {

    @TempDir
    Path temp;

    @Test
    void readsFilesOfAJarAndNotItsDirectories() throws IOException {
        Path jar = temp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("config/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("config/application.yml"));
            out.write("a: 1\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertAnswersLikeMicronaut(jar);
    }

    @Test
    void readsFilesOfADirectoryAndNotItsDirectories() throws IOException {
        Path root = Files.createDirectories(temp.resolve("classes"));
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/application.yml"), "a: 1\n");
        assertAnswersLikeMicronaut(root);
    }

    private static void assertAnswersLikeMicronaut(Path classPathEntry) throws IOException {
        try (URLClassLoader classLoader =
                new URLClassLoader(new URL[] {classPathEntry.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            JarResourceLoader loader = new JarResourceLoader(classLoader);
            assertEquals(Optional.of("a: 1\n"), text(loader, "config/application.yml"));
            assertEquals(Optional.of("a: 1\n"), text(loader, "/config/application.yml"));
            assertEquals(Optional.of("a: 1\n"), text(loader, "classpath:config/application.yml"));
            assertTrue(loader.getResource("config/application.yml").isPresent());
            assertEquals(Optional.empty(), text(loader, "config"));
            assertEquals(Optional.empty(), text(loader, "config/"));
            assertEquals(Optional.empty(), loader.getResource("config"));
            assertEquals(Optional.empty(), text(loader, "config/missing.yml"));
            assertEquals(Optional.empty(), text(loader, "config/../config/application.yml"));
        }
    }

    private static Optional<String> text(JarResourceLoader loader, String path) throws IOException {
        Optional<InputStream> stream = loader.getResourceAsStream(path);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = stream.get()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
