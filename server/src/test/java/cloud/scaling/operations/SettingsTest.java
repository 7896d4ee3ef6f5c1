package cloud.scaling.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.operations.Settings.Setting;
import cloud.scaling.support.RepositoryFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * settings.tsv is the one list of settings: the README's table is made from it, {@code ./run --help} prints it, and
 * every setting the application reads (a {@code @Value} property, an environment placeholder of application.yml, an
 * environment variable read directly, one {@code ./run} reads) is on it, with the default the code has.
 * {@code -Dscaling.settings.write=true} rewrites the README's table from the file instead of failing.
 */
class SettingsTest {

    /** Properties the application reads that are not an operator's: the admin command and tests switch them. */
    private static final Set<String> INTERNAL = Set.of("scaling.seed-demo", "scaling.scheduler.enabled");

    private static final String TABLE_START = "| variable | default | meaning |\n";
    private static final String TABLE_END = "<!-- end of settings.tsv -->";

    private final Settings settings = Settings.read();

    @Test
    void theReadmesTableIsTheList() throws IOException {
        Path readme = RepositoryFile.of("README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END, Math.max(start, 0));
        assertTrue(start >= 0 && end > start, "README.md holds the table, ending with " + TABLE_END);
        String expected = settings.markdownTable();
        if (Boolean.getBoolean("scaling.settings.write")) {
            Files.writeString(readme, text.substring(0, start) + expected + text.substring(end));
            return;
        }
        assertEquals(
                expected,
                text.substring(start, end),
                "README.md's table differs from settings.tsv: rewrite it with -Dscaling.settings.write=true");
    }

    @Test
    void runHelpListsEverySettingOnce() throws Exception {
        Process help = new ProcessBuilder("bash", RepositoryFile.of("run").toString(), "--help")
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream stream = help.getInputStream()) {
            output = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(0, help.waitFor(), output);
        String environment = output.substring(output.indexOf("\nEnvironment"));
        List<String> listed = new ArrayList<>();
        Matcher entry = Pattern.compile("(?m)^  ([A-Z][A-Z0-9_]*) \\(default: ").matcher(environment);
        while (entry.find()) {
            listed.add(entry.group(1));
        }
        assertEquals(settings.variables(), listed, output);
        Setting port = settings.rows().get(0);
        assertTrue(
                environment.contains("  " + port.variable() + " (default: "
                        + port.defaultValue().replace("`", "") + ")\n      "
                        + port.meaning().replace("`", "")),
                "each setting's default and meaning, without Markdown: " + environment);
    }

    @Test
    void everyPropertyTheCodeReadsIsListedWithItsDefault() throws IOException {
        Map<String, Setting> byProperty = settings.rows().stream()
                .filter(row -> !row.property().equals("-"))
                .collect(Collectors.toMap(Setting::property, row -> row));
        Map<String, String> read = valueAnnotations();
        assertTrue(read.containsKey("scaling.smtp.host"), "the scan finds the code's @Value properties: " + read);
        List<String> problems = new ArrayList<>();
        read.forEach((property, defaultValue) -> {
            Setting row = byProperty.get(property);
            if (INTERNAL.contains(property)) {
                return;
            }
            if (row == null) {
                problems.add(property + " is read by the code but not in settings.tsv");
            } else if (!defaultValue.isEmpty() && !row.defaultValue().equals("`" + defaultValue + "`")) {
                problems.add(property + " defaults to " + defaultValue + " in the code, settings.tsv says "
                        + row.defaultValue());
            }
        });
        // And nothing listed that the code no longer reads (properties of Micronaut's own are its business).
        byProperty.keySet().stream()
                .filter(property -> property.startsWith("scaling.") && !read.containsKey(property))
                .forEach(property -> problems.add(property + " is in settings.tsv but nothing reads it"));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyEnvironmentVariableTheConfigurationReadsIsListed() throws IOException {
        Map<String, Setting> byVariable =
                settings.rows().stream().collect(Collectors.toMap(Setting::variable, row -> row));
        List<String> problems = new ArrayList<>();
        // application.yml: a placeholder's variable sets the property it stands at; a plain value is the default.
        Map<String, Object> yaml = flatten("", new Yaml().load(Files.readString(mainResource("application.yml"))));
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        yaml.forEach((property, value) -> {
            Matcher variable = placeholder.matcher(String.valueOf(value));
            while (variable.find()) {
                Setting row = byVariable.get(variable.group(1));
                if (row == null || !row.property().equals(property)) {
                    problems.add(variable.group(1) + " (application.yml, " + property + ") is not in settings.tsv"
                            + " as the variable of " + property);
                }
            }
        });
        settings.rows().stream()
                .filter(row -> yaml.containsKey(row.property()))
                .filter(row -> !placeholder
                        .matcher(String.valueOf(yaml.get(row.property())))
                        .find())
                .filter(row -> !row.defaultValue().equals("`" + yaml.get(row.property()) + "`"))
                .forEach(row -> problems.add(row.property() + " is " + yaml.get(row.property())
                        + " in application.yml, settings.tsv says " + row.defaultValue()));
        // Variables read directly: by the code, and by ./run.
        Set<String> direct =
                new TreeSet<>(matches(javaSources(), "System\\.getenv\\((?:\\)\\.getOrDefault\\()?\"([A-Z0-9_]+)\""));
        direct.addAll(matches(List.of(RepositoryFile.of("run")), "\\$\\{((?:SCALING|MICRONAUT)_[A-Z0-9_]*)"));
        assertTrue(
                direct.containsAll(List.of("SCALING_JAVA_OPTS", "SCALING_LOG_FORMAT", "MICRONAUT_SERVER_PORT")),
                "the scan finds what ./run, the logging set-up and the health check read: " + direct);
        direct.stream()
                .filter(variable -> !byVariable.containsKey(variable))
                .forEach(variable -> problems.add(variable + " is read directly but not in settings.tsv"));
        // A property's variable is its placeholder's (checked above), else the name Micronaut maps to it; a directly
        // read one is read somewhere.
        settings.rows().forEach(row -> {
            if (row.property().equals("-")) {
                if (!direct.contains(row.variable())) {
                    problems.add(row.variable() + " is in settings.tsv as read directly, but nothing reads it");
                }
            } else if (!placeholder
                            .matcher(String.valueOf(yaml.get(row.property())))
                            .find()
                    && !row.variable()
                            .equals(row.property().toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"))) {
                problems.add(row.variable() + " does not set " + row.property());
            }
        });
        assertEquals(List.of(), problems);
    }

    /** {@code @Value("${property:default}")} of the server's code: property to default ("" when it has none). */
    private static Map<String, String> valueAnnotations() throws IOException {
        Map<String, String> read = new LinkedHashMap<>();
        Matcher value = Pattern.compile("@Value\\(\"\\$\\{([a-z0-9.-]+)(?::([^}]*))?}\"\\)")
                .matcher(String.join("\n", contents(javaSources())));
        while (value.find()) {
            read.put(value.group(1), value.group(2) == null ? "" : value.group(2));
        }
        return read;
    }

    private static Set<String> matches(List<Path> files, String regex) throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(String.join("\n", contents(files)));
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<String> contents(List<Path> files) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(Files.readString(file));
        }
        return texts;
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(RepositoryFile.of("server/src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    private static Path mainResource(String name) {
        return RepositoryFile.of("server/src/main/resources/" + name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(String prefix, Map<String, Object> yaml) {
        Map<String, Object> flat = new LinkedHashMap<>();
        yaml.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flat.putAll(flatten(prefix + key + ".", (Map<String, Object>) nested));
            } else {
                flat.put(prefix + key, value);
            }
        });
        return flat;
    }
}
