package cloud.scaling.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Markdown document's shell blocks, run in order with bash as a reader pastes them into one terminal, each checked
 * against the answer the document states under it. So a guide cannot drift from the server: a request, a field name or
 * an answer that changes fails the build.
 *
 * <p>The document's grammar, readable as rendered Markdown:
 *
 * <ul>
 *   <li>Every {@code ```sh} block runs, in order, unless the line before it is a comment starting {@code <!-- not run}
 *       (e.g. starting the server, which the test does itself).
 *   <li>After a block that runs, a line starting {@code Answer:} gives the HTTP status of each request the block
 *       sends, in order, in backticks ({@code Answer: `201`}; none for a block that sends none). curl reports them to
 *       the runner on stderr through a {@code .curlrc} of the runner's, so the blocks need no option a reader would
 *       not use.
 *   <li>A {@code ```json} block after that line, before the next shell block, shows the fields of the block's last JSON
 *       output that matter: objects may have more fields; arrays have exactly the elements shown; a string ending in
 *       {@code …} is any string starting with what precedes it ({@code "…"} any string); {@code "$NAME"} is the value of
 *       the shell variable {@code NAME} after the block.
 * </ul>
 *
 * Shell variables carry from block to block as in one terminal session: every block runs with {@code set -a} and
 * {@code set -euo pipefail} (a failing command or an unset variable fails the block), and what it leaves exported is
 * the next block's start.
 */
public final class ShellDoc {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS = Pattern.compile("`(\\d{3})`");
    private static final Pattern REPORTED_STATUS = Pattern.compile("^HTTP (\\d{3})$", Pattern.MULTILINE);
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** One shell block: where it starts (1-based line of its fence), its text, and the answer stated under it. */
    public record Block(int line, String shell, boolean run, List<Integer> statuses, String expectedJson) {}

    /** What running a block gave: its exit code, output, the statuses curl reported, and the shell's variables after. */
    public record Outcome(
            int exitCode, String stdout, String stderr, List<Integer> statuses, Map<String, String> vars) {

        /** The last JSON value the block printed. */
        public JsonNode lastJson() {
            JsonNode last = null;
            // One value after another (a reader over values would take a top-level array's elements as values).
            try (JsonParser values = JSON.createParser(stdout)) {
                while (values.nextToken() != null) {
                    last = JSON.readTree(values);
                }
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("the output is not JSON: " + e.getMessage() + "\n" + stdout, e);
            }
            if (last == null) {
                throw new AssertionError("no JSON output");
            }
            return last;
        }
    }

    private final Path source;
    private final List<Block> blocks;

    private ShellDoc(Path source, List<Block> blocks) {
        this.source = source;
        this.blocks = blocks;
    }

    /** The document at {@code path} relative to the project's root (the server module's parent directory). */
    public static ShellDoc inProject(String path) {
        return read(projectFile(path));
    }

    public static ShellDoc read(Path markdown) {
        return new ShellDoc(markdown, parse(lines(markdown), 0, Integer.MAX_VALUE));
    }

    /**
     * Only the section of the document at {@code path} under {@code heading} (a whole line, e.g. {@code "## Quickstart"}),
     * up to the next heading of the same level.
     */
    public static ShellDoc section(String path, String heading) {
        List<String> lines = lines(projectFile(path));
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException(path + " has no line " + heading);
        }
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith(level)) {
            end++;
        }
        return new ShellDoc(projectFile(path), parse(lines, start, end));
    }

    /**
     * This document with {@code literal} replaced in every block: for a document written for a reader's own server
     * (its {@code http://localhost:8080}, a placeholder key) rather than for variables the test sets.
     */
    public ShellDoc replacing(String literal, String replacement) {
        List<Block> replaced = blocks.stream()
                .map(block -> new Block(
                        block.line(),
                        block.shell().replace(literal, replacement),
                        block.run(),
                        block.statuses(),
                        block.expectedJson()))
                .toList();
        return new ShellDoc(source, replaced);
    }

    private static Path projectFile(String path) {
        return Path.of(System.getProperty("user.dir")).getParent().resolve(path);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Block> blocks() {
        return blocks;
    }

    private static List<Block> parse(List<String> all, int from, int to) {
        List<String> lines = all.subList(0, Math.min(to, all.size()));
        List<Block> blocks = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).equals("```sh")) {
                continue;
            }
            int start = i;
            boolean run = !(start > 0 && lines.get(start - 1).startsWith("<!-- not run"));
            StringBuilder shell = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
                shell.append(lines.get(i)).append('\n');
            }
            List<Integer> statuses = new ArrayList<>();
            boolean answered = false;
            String expected = null;
            // The answer: from the block's end to the next shell block.
            for (int j = i + 1; j < lines.size() && !lines.get(j).equals("```sh"); j++) {
                if (!answered && lines.get(j).startsWith("Answer:")) {
                    answered = true;
                    Matcher status = STATUS.matcher(lines.get(j));
                    while (status.find()) {
                        statuses.add(Integer.parseInt(status.group(1)));
                    }
                } else if (answered && lines.get(j).equals("```json")) {
                    StringBuilder json = new StringBuilder();
                    for (j++; j < lines.size() && !lines.get(j).equals("```"); j++) {
                        json.append(lines.get(j)).append('\n');
                    }
                    expected = json.toString();
                    break;
                }
            }
            if (run && !answered) {
                throw new IllegalStateException("The shell block at line " + (start + 1)
                        + " states no answer (a line \"Answer: `200`\" after it), nor is it marked <!-- not run -->");
            }
            blocks.add(new Block(start + 1, shell.toString(), run, List.copyOf(statuses), expected));
        }
        return List.copyOf(blocks);
    }

    /**
     * Runs every block that runs, in order, in a fresh shell state that starts with {@code environment}, and checks
     * each one's answer; {@code afterEach} sees each block after it ran (e.g. to run the server's due work, as a
     * running server would between a reader's requests).
     */
    public void runAndCheck(Map<String, String> environment, AfterBlock afterEach) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("shell-doc-");
            // max-time: a request that hangs fails the block instead of the build.
            Files.writeString(dir.resolve(".curlrc"), "write-out = \"%{stderr}HTTP %{http_code}\\n\"\nmax-time = 60\n");
            Files.writeString(dir.resolve("state.sh"), "");
            Map<String, String> start = new HashMap<>(environment);
            start.put("PATH", System.getenv("PATH"));
            start.put("HOME", dir.toString());
            start.put("CURL_HOME", dir.toString());
            start.put("LC_ALL", "C.UTF-8");
            for (Block block : blocks) {
                if (!block.run()) {
                    continue;
                }
                Outcome outcome = run(block, dir, start);
                check(block, outcome);
                afterEach.after(block, outcome);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a test does after each block. */
    @FunctionalInterface
    public interface AfterBlock {
        void after(Block block, Outcome outcome);
    }

    private Outcome run(Block block, Path dir, Map<String, String> environment) throws IOException {
        Path state = dir.resolve("state.sh");
        Path env = dir.resolve("env");
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        String script = "set -a\nsource " + quote(state) + "\nset -euo pipefail\n" + block.shell() + "declare -px > "
                + quote(state) + "\nenv -0 > " + quote(env) + "\n";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // Only what a reader's terminal would hold: the guide's settings, then what the earlier blocks left.
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(where(block) + " did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String stderr = Files.readString(err);
        List<Integer> statuses = new ArrayList<>();
        Matcher reported = REPORTED_STATUS.matcher(stderr);
        while (reported.find()) {
            statuses.add(Integer.parseInt(reported.group(1)));
        }
        Map<String, String> vars = new HashMap<>();
        if (Files.exists(env)) {
            for (String entry : Files.readString(env).split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    vars.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            Files.delete(env);
        }
        return new Outcome(process.exitValue(), Files.readString(out), stderr, statuses, vars);
    }

    private void check(Block block, Outcome outcome) {
        String context = "\n--- block:\n" + block.shell() + "--- stdout:\n" + outcome.stdout() + "--- stderr:\n"
                + outcome.stderr();
        assertEquals(0, outcome.exitCode(), where(block) + " failed" + context);
        assertEquals(block.statuses(), outcome.statuses(), where(block) + ": the statuses" + context);
        if (block.expectedJson() == null) {
            return;
        }
        JsonNode expected;
        try {
            expected = JSON.readTree(block.expectedJson());
        } catch (IOException e) {
            throw new AssertionError(where(block) + ": its stated answer is not JSON: " + e.getMessage(), e);
        }
        JsonNode actual;
        try {
            actual = outcome.lastJson();
        } catch (AssertionError e) {
            throw new AssertionError(where(block) + ": " + e.getMessage() + context, e);
        }
        List<String> differences = new ArrayList<>();
        matches(expected, actual, "", outcome.vars(), differences);
        assertTrue(
                differences.isEmpty(),
                () -> where(block) + ": the answer is not the one stated:\n  " + String.join("\n  ", differences)
                        + context);
    }

    private static void matches(
            JsonNode expected, JsonNode actual, String path, Map<String, String> vars, List<String> differences) {
        String at = path.isEmpty() ? "." : path;
        if (expected.isObject()) {
            if (!actual.isObject()) {
                differences.add(at + ": expected an object, got " + actual);
                return;
            }
            expected.fields().forEachRemaining(field -> {
                JsonNode value = actual.get(field.getKey());
                if (value == null) {
                    differences.add(path + "." + field.getKey() + ": missing");
                } else {
                    matches(field.getValue(), value, path + "." + field.getKey(), vars, differences);
                }
            });
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                differences.add(at + ": expected " + expected.size() + " elements, got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                matches(expected.get(i), actual.get(i), path + "[" + i + "]", vars, differences);
            }
        } else if (expected.isTextual()) {
            String text = expected.asText();
            Matcher variable = VARIABLE.matcher(text);
            if (variable.matches()) {
                String value = vars.get(variable.group(1));
                if (value == null) {
                    differences.add(at + ": the shell has no variable " + text);
                } else if (!actual.isTextual() || !actual.asText().equals(value)) {
                    differences.add(at + ": expected " + text + " (" + value + "), got " + actual);
                }
            } else if (text.endsWith("…")) {
                String prefix = text.substring(0, text.length() - 1);
                if (!actual.isTextual() || !actual.asText().startsWith(prefix)) {
                    differences.add(at + ": expected a string starting \"" + prefix + "\", got " + actual);
                }
            } else if (!expected.equals(actual)) {
                differences.add(at + ": expected " + expected + ", got " + actual);
            }
        } else if (!expected.equals(actual)) {
            differences.add(at + ": expected " + expected + ", got " + actual);
        }
    }

    private String where(Block block) {
        return source.getFileName() + ":" + block.line();
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
