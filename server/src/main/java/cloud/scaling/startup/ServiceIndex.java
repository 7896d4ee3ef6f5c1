package cloud.scaling.startup;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Micronaut's index of {@code META-INF/micronaut/<service type>/<implementation>} entries (bean definitions among
 * them), read from the packaged jar the way the class loader reads it, and handed to Micronaut before the context
 * starts. Micronaut builds the same index by walking the jar as a zip file system, which reads the jar's central
 * directory a second time. When anything here does not hold (the classes are not in one jar, as in the unit tests;
 * another Micronaut version), nothing is seeded and Micronaut scans as it always does.
 */
public final class ServiceIndex {

    private static final String ROOT = "META-INF/micronaut/";
    private static final String LOADER_UTILS = "io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils";

    private ServiceIndex() {}

    /**
     * Seeds Micronaut's index for {@code classLoader}, when the classes run from one jar.
     *
     * @param classLoader the class loader the application context will use
     */
    public static void seed(ClassLoader classLoader) {
        Optional<Path> jar = soleServiceJar(classLoader);
        if (jar.isEmpty()) {
            return;
        }
        try {
            Map<String, Set<String>> services = read(jar.get());
            Class<?> utils = Class.forName(LOADER_UTILS, false, classLoader);
            Class<?> entryType = Class.forName(LOADER_UTILS + "$CacheEntry", false, classLoader);
            Constructor<?> entry = entryType.getDeclaredConstructor(ClassLoader.class, Map.class);
            entry.setAccessible(true);
            Field cache = utils.getDeclaredField("cacheEntry");
            cache.setAccessible(true);
            cache.set(null, entry.newInstance(classLoader, services));
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            // Micronaut scans for itself: slower, never wrong.
        }
    }

    /**
     * The index of one jar, as Micronaut's own scan makes it: a service type per directory below the root, its
     * files (not hidden ones) as implementations, nothing deeper.
     */
    static Map<String, Set<String>> read(Path jar) throws IOException {
        Map<String, Set<String>> services = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.startsWith(ROOT)) {
                    continue;
                }
                String rest = name.substring(ROOT.length());
                int slash = rest.indexOf('/');
                if (slash <= 0) {
                    continue;
                }
                Set<String> implementations =
                        services.computeIfAbsent(rest.substring(0, slash), type -> new LinkedHashSet<>());
                String implementation = rest.substring(slash + 1);
                if (!implementation.isEmpty() && implementation.indexOf('/') == -1 && !implementation.startsWith(".")) {
                    implementations.add(implementation);
                }
            }
        }
        return services;
    }

    /** The jar holding this class, when it is also the only place the class loader finds Micronaut services. */
    private static Optional<Path> soleServiceJar(ClassLoader classLoader) {
        try {
            CodeSource source = ServiceIndex.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            var roots = Collections.list(classLoader.getResources(ROOT));
            if (roots.size() != 1 || !roots.get(0).equals(entryUrl(jar, ROOT))) {
                return Optional.empty();
            }
            return Optional.of(jar);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static URL entryUrl(Path jar, String entry) throws IOException {
        return new URL("jar:" + jar.toUri().toURL() + "!/" + entry);
    }
}
