package cloud.scaling.startup;

import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * The application context's classpath resource loader (it reads {@code application.yml}): Micronaut's default one,
 * except that it tells a jar's directory entry from a file through the jar the class loader has open, where the
 * default opens the jar as a zip file system on every call. What it answers is the same: a file's content, or
 * nothing for a directory, a missing resource or a path with {@code ../}.
 */
public final class JarResourceLoader implements ClassPathResourceLoader {

    private final ClassLoader classLoader;

    public JarResourceLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public Optional<URL> getResource(String path) {
        if (path.replace('\\', '/').contains("../")) {
            return Optional.empty();
        }
        URL url = classLoader.getResource(withoutPrefix(path));
        if (url == null) {
            return Optional.empty();
        }
        try {
            return isDirectory(url) ? Optional.empty() : Optional.of(url);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<InputStream> getResourceAsStream(String path) {
        Optional<URL> url = getResource(path);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(url.get().openStream());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Stream<URL> getResources(String path) {
        return new DefaultClassPathResourceLoader(classLoader).getResources(path);
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public ResourceLoader forBase(String basePath) {
        return new DefaultClassPathResourceLoader(classLoader).forBase(basePath);
    }

    private static String withoutPrefix(String path) {
        String relative = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
        return relative.startsWith("/") ? relative.substring(1) : relative;
    }

    private static boolean isDirectory(URL url) throws IOException, URISyntaxException {
        switch (url.getProtocol()) {
            case "jar":
                // The jar stays open in the protocol handler's cache, as the class loader's own lookups keep it.
                JarEntry entry = ((JarURLConnection) url.openConnection()).getJarEntry();
                return entry == null || entry.isDirectory();
            case "file":
                return Files.isDirectory(Path.of(url.toURI()));
            default:
                return false;
        }
    }
}
