package cloud.scaling.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The client's reported API version is the spec's {@code info.version}, read here from the spec file itself. */
class SpecVersionTest {

    private static final Pattern VERSION = Pattern.compile("^ {2}version:\\s*['\"]?([^'\"\\s]+)['\"]?\\s*$");

    @Test
    void specVersionIsTheSpecsInfoVersion() {
        String fromSpec = specInfoVersion();
        assertFalse(fromSpec.isBlank());
        assertEquals(fromSpec, ScalingClient.SPEC_VERSION);
        assertEquals(
                "scaling-java/" + System.getProperty("project.version") + " scaling-api/" + fromSpec, UserAgent.VALUE);
    }

    /** {@code info.version} of the spec the build passes as {@code scaling.spec}: the first one under {@code info:}. */
    static String specInfoVersion() {
        try {
            List<String> lines = Files.readAllLines(Path.of(System.getProperty("scaling.spec")));
            boolean inInfo = false;
            for (String line : lines) {
                if (!line.startsWith(" ")) {
                    inInfo = line.equals("info:");
                    continue;
                }
                Matcher version = VERSION.matcher(line);
                if (inInfo && version.matches()) {
                    return version.group(1);
                }
            }
            throw new AssertionError("no info.version in " + System.getProperty("scaling.spec"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
