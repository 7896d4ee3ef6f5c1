package cloud.scaling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Prometheus's own checker, {@code promtool} (Debian: {@code apt-get install prometheus}; CI installs it), run on
 * the shipped rules and on what the server exposes. Missing, it fails the test and says how to install it; only
 * {@code -Dscaling.promtool.skip} turns that into a skip, announced on stderr so nobody mistakes it for a pass.
 */
public final class Promtool {

    /** The rules shipped for operators, and their unit tests. */
    public static final Path RULES_DIRECTORY =
            Path.of(System.getProperty("user.dir")).getParent().resolve("deploy/prometheus");

    public static final Path RULES = RULES_DIRECTORY.resolve("scaling-rules.yaml");

    private Promtool() {}

    /** The result of one run: exit code and everything it printed. */
    public record Run(int exitCode, String output) {}

    /** Runs {@code promtool args...} in {@code directory}, with {@code input} (or nothing) on its standard input. */
    public static Run run(Path directory, String input, String... args) {
        requireInstalled();
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + args[0] + " did not finish within a minute");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the shipped rules over {@code series} (each a series selector and its promtool values, one sample a
     * minute) and returns the alerts firing at {@code minute} by alert name, as promtool's unit test reports them.
     */
    public static Run unitTest(Map<String, String> series, int minute, Map<String, Map<String, String>> expected) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        series.forEach((selector, values) -> inputs.add(Map.of("series", selector, "values", values)));
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String alert : alertNames()) {
            Map<String, String> labels = expected.get(alert);
            checks.add(Map.of(
                    "eval_time",
                    minute + "m",
                    "alertname",
                    alert,
                    "exp_alerts",
                    labels == null ? List.of() : List.of(expectedAlert(alert, labels))));
        }
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("rule_files", List.of(RULES.toString()));
        test.put("evaluation_interval", "1m");
        test.put("tests", List.of(Map.of("interval", "1m", "input_series", inputs, "alert_rule_test", checks)));
        try {
            Path directory = Files.createTempDirectory("promtool");
            Files.writeString(directory.resolve("test.yaml"), new Yaml().dump(test));
            return run(directory, null, "test", "rules", "test.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        try {
            Map<String, Object> file = new Yaml().load(Files.readString(RULES));
            return ((List<Map<String, Object>>) file.get("groups"))
                    .stream()
                            .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> alertNames() {
        return rules().stream().map(rule -> (String) rule.get("alert")).toList();
    }

    /** The alert as promtool expects it whole: the given labels, the rule's own, and the rule's annotations. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> expectedAlert(String alert, Map<String, String> labels) {
        Map<String, Object> rule = rules().stream()
                .filter(candidate -> alert.equals(candidate.get("alert")))
                .findFirst()
                .orElseThrow();
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.putAll((Map<String, String>) rule.get("labels"));
        return Map.of("exp_labels", all, "exp_annotations", rule.get("annotations"));
    }

    private static void requireInstalled() {
        boolean installed = System.getenv("PATH") != null
                && java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
        if (installed) {
            return;
        }
        String missing = "promtool is not installed: the Prometheus rules and the /metrics format are NOT checked. "
                + "Install it with 'apt-get install prometheus' (Debian; .ci/run does), or pass "
                + "-Dscaling.promtool.skip to skip these checks.";
        if (Boolean.parseBoolean(System.getProperty("scaling.promtool.skip", "false"))
                || "".equals(System.getProperty("scaling.promtool.skip"))) {
            System.err.println("\n*** SKIPPED: " + missing + " ***\n");
            Assumptions.abort(missing);
        }
        throw new AssertionError(missing);
    }
}
