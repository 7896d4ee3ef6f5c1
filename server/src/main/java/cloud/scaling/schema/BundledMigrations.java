package cloud.scaling.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned SQL migrations this build carries ({@code db/migration/V<version>__<description>.sql}), with the
 * version, description and checksum Flyway records for each when it applies it. Listed without Flyway: loading
 * Flyway to find out that there is nothing to do was most of the migration step's share of a start.
 */
final class BundledMigrations {

    static final String LOCATION = "db/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** One migration as Flyway records it in {@code flyway_schema_history}. */
    record Migration(String version, String description, int checksum) {}

    private BundledMigrations() {}

    /**
     * The migrations on the class path, in version order; empty when this cannot be told without Flyway (a file
     * that is not a versioned SQL migration, such as a repeatable one, or a class path Flyway alone can read).
     */
    static Optional<List<Migration>> load(ClassLoader classLoader) {
        Optional<List<String>> names = fileNames(classLoader);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<Migration> migrations = new ArrayList<>();
        for (String name : names.get()) {
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            String version = matcher.group(1).replace('_', '.');
            String description = matcher.group(2).replace('_', ' ');
            try (InputStream in = classLoader.getResourceAsStream(LOCATION + "/" + name)) {
                migrations.add(new Migration(version, description, checksum(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        migrations.sort(Comparator.comparing(Migration::version, BundledMigrations::compareVersions));
        return Optional.of(migrations);
    }

    /**
     * Flyway's checksum of a SQL file: a CRC-32 over its lines as UTF-8, without their line breaks and without a
     * byte-order mark at the start (so the same script checked out with other line endings keeps its checksum).
     * {@code SchemaMigrationsTest} holds it to the checksums Flyway itself records.
     */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = lines.readLine();
        }
        return (int) crc.getValue();
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            BigInteger l = i < left.length ? new BigInteger(left[i]) : BigInteger.ZERO;
            BigInteger r = i < right.length ? new BigInteger(right[i]) : BigInteger.ZERO;
            int order = l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** The file names under {@link #LOCATION}, from a jar (the packaged server) or a directory (builds, images). */
    private static Optional<List<String>> fileNames(ClassLoader classLoader) {
        List<String> names = new ArrayList<>();
        try {
            var locations = classLoader.getResources(LOCATION);
            if (!locations.hasMoreElements()) {
                return Optional.empty();
            }
            while (locations.hasMoreElements()) {
                URL location = locations.nextElement();
                if (location.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) location.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        String prefix = LOCATION + "/";
                        jar.stream()
                                .map(entry -> entry.getName())
                                .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                                .map(name -> name.substring(prefix.length()))
                                .filter(name -> !name.isEmpty())
                                .forEach(names::add);
                    }
                } else if (location.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                        files.filter(Files::isRegularFile)
                                .map(file -> file.getFileName().toString())
                                .forEach(names::add);
                    }
                } else {
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(names);
    }
}
