package cloud.scaling.contract.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The gate itself: the spec this build ships against the last release kept in openapi/released/ (the file
 * {@code scaling-MAJOR.MINOR.PATCH.yaml} with the highest version).
 */
@Order(1)
class BreakingChangeGateTest {

    private static final Pattern RELEASE = Pattern.compile("scaling-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

    @Test
    void theSpecKeepsTheLastReleasesPromises() throws IOException {
        Path release = lastRelease();
        BreakingChangeGate.Verdict verdict = BreakingChangeGate.judge(
                "openapi/released/" + release.getFileName(),
                Files.readString(release),
                Spec.current().text());
        assertTrue(verdict.accepted(), verdict::message);
        // The one line a green build prints on purpose: what the gate compared, and what to do next if anything.
        System.out.println("Breaking-change gate: " + verdict.message());
    }

    /** Released specs in version order (1.10.0 after 1.9.0). */
    static final Comparator<Path> BY_VERSION = Comparator.comparing(BreakingChangeGateTest::versionKey);

    static Path releasedDir() {
        return Path.of(System.getProperty("scaling.released.dir", "released"));
    }

    static boolean isRelease(Path file) {
        return RELEASE.matcher(file.getFileName().toString()).matches();
    }

    static Path lastRelease() throws IOException {
        Path dir = releasedDir();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(BreakingChangeGateTest::isRelease)
                    .max(BY_VERSION)
                    .orElseThrow(() -> new AssertionError("No released spec (scaling-X.Y.Z.yaml) in " + dir));
        }
    }

    private static String versionKey(Path file) {
        Matcher matcher = RELEASE.matcher(file.getFileName().toString());
        matcher.matches();
        return String.format(
                "%09d.%09d.%09d",
                Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)));
    }
}
