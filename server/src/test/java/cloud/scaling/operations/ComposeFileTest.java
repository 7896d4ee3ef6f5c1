package cloud.scaling.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.Application;
import cloud.scaling.support.RepositoryFile;
import cloud.scaling.support.ServerJar;
import cloud.scaling.support.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * compose.yaml (no Docker here: its keys, and its health check's command run as the container would run it, with
 * this build's classpath for the image's): a restart policy, a health check on /health, the settings of email and
 * the public address as examples, the admin commands documented.
 */
class ComposeFileTest {

    private final String text = read();
    private final Map<String, Object> services = map(new Yaml().<Map<String, Object>>load(text), "services");

    @Test
    void bothServicesRestartUnlessStopped() {
        assertEquals("unless-stopped", map(services, "scaling").get("restart"));
        assertEquals("unless-stopped", map(services, "postgres").get("restart"));
    }

    @Test
    void theHealthCheckAsksTheServersHealth() throws Exception {
        List<String> test = healthCheck();
        assertEquals(List.of("CMD", "java"), test.subList(0, 2), "exec form: the image has no shell");
        assertEquals(
                List.of("-cp", "@/app/jib-classpath-file", Application.class.getName(), "health"),
                test.subList(test.size() - 4, test.size()));
        assertEquals(0, runHealthCheck(TestServer.shared().uri().getPort()), "a server that is up");
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        assertEquals(1, runHealthCheck(nobody), "no server");
    }

    @Test
    void emailAndThePublicAddressAreThereToFillIn() {
        for (String setting : List.of(
                "SCALING_PUBLIC_URL",
                "SCALING_SMTP_HOST",
                "SCALING_SMTP_PORT",
                "SCALING_SMTP_USERNAME",
                "SCALING_SMTP_PASSWORD")) {
            assertTrue(
                    Pattern.compile("(?m)^      # " + setting + ": \\S")
                            .matcher(text)
                            .find(),
                    setting + " as a commented example in the scaling service's environment");
        }
        // Every variable named, set or commented, is a setting the server reads.
        Set<String> known = Set.copyOf(Settings.read().variables());
        Matcher variable = Pattern.compile("(?m)^      (?:# )?((?:SCALING|MICRONAUT)_[A-Z0-9_]+):")
                .matcher(text);
        List<String> named = new ArrayList<>();
        while (variable.find()) {
            named.add(variable.group(1));
        }
        assertTrue(named.size() >= 9, named.toString());
        assertEquals(
                List.of(), named.stream().filter(name -> !known.contains(name)).toList());
    }

    @Test
    void theAdminCommandsAreDocumented() {
        assertTrue(text.contains("#   docker compose run --rm scaling admin list-orgs\n"), text);
    }

    @SuppressWarnings("unchecked")
    private List<String> healthCheck() {
        return (List<String>) map(map(services, "scaling"), "healthcheck").get("test");
    }

    /** The health check's command as the container runs it, on this build's classpath instead of the image's. */
    private int runHealthCheck(int port) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(healthCheck().subList(1, healthCheck().size()));
        command.set(0, ServerJar.java());
        command.set(command.indexOf("@/app/jib-classpath-file"), System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertEquals(1, output.lines().count(), output);
        return exit;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static String read() {
        try {
            return Files.readString(RepositoryFile.of("compose.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
