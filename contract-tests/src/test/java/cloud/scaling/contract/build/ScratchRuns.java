package cloud.scaling.contract.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real tools (Maven, bash, git) run as processes on a scratch copy of the project, for the tests of what a spec
 * author and a release manager meet: the Maven of this build, offline, on this build's local repository.
 */
final class ScratchRuns {

    /** Set on every scratch build, so that a scratch build that got as far as these tests does not recurse. */
    static final String NESTED = "scaling.nested.build";

    static final Path ROOT = Path.of(System.getProperty("scaling.project.root", ".."))
            .toAbsolutePath()
            .normalize();

    record Run(int exitCode, String output) {}

    private ScratchRuns() {}

    /** The Maven running this build. */
    static String maven() {
        return Path.of(System.getProperty("scaling.maven.home", "/usr/share/maven"), "bin", "mvn")
                .toString();
    }

    /** Offline, on this build's repository, marked as nested. */
    static List<String> mavenOptions() {
        List<String> options = new ArrayList<>(List.of("-o", "-D" + NESTED + "=true"));
        String repository = System.getProperty("scaling.maven.repository");
        if (repository != null && !repository.isBlank()) {
            options.add("-Dmaven.repo.local=" + repository);
        }
        return options;
    }

    static Run run(Path directory, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("scratch-run-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(
                    command + " did not end within 15 minutes: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        try {
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.delete(log);
        }
    }
}
