package cloud.scaling.contract.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, loading a page and printing the DOM it rendered (scripts run, fetches
 * done). A fresh profile per page, and every switch that would make the browser call home turned off: the
 * machines this runs on reach no network but package registries.
 */
final class HeadlessChromium {

    private static final String BINARY = System.getProperty("scaling.chromium", "chromium");
    private static final long TIMEOUT_SECONDS = 120;

    private HeadlessChromium() {}

    /** The DOM of {@code page} once its scripts have run and its virtual-time budget is spent. */
    static String renderedDom(URI page) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("scaling-chromium-");
            Path dom = profile.resolve("dom.html");
            Path log = profile.resolve("chromium.log");
            List<String> command = List.of(
                    executable(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile.resolve("profile"),
                    // Timers run as fast as they can; virtual time stands still while a fetch is in flight.
                    "--virtual-time-budget=10000",
                    "--dump-dom",
                    page.toString());
            Process chromium = new ProcessBuilder(command)
                    .redirectOutput(dom.toFile())
                    .redirectError(log.toFile())
                    .start();
            if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                chromium.destroyForcibly().waitFor();
                throw new AssertionError("chromium did not render " + page + " within " + TIMEOUT_SECONDS + " s");
            }
            if (chromium.exitValue() != 0) {
                throw new AssertionError("chromium exited with " + chromium.exitValue() + " on " + page + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return Files.readString(dom, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(profile);
        }
    }

    /** The browser on the PATH; its absence fails the test, with what to install (CI installs it). */
    private static String executable() {
        if (BINARY.contains(File.separator)) {
            return BINARY;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, BINARY))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new AssertionError("The API reference page is checked in a real browser, and '"
                        + BINARY + "' is not on the PATH. Install Debian's chromium (apt-get install -y chromium; "
                        + ".ci/run does), or point -Dscaling.chromium at a Chromium binary."));
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is not worth failing a test over.
        }
    }
}
