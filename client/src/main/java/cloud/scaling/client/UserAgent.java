package cloud.scaling.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The {@code User-Agent} every request carries, naming this library and its version (from its build). */
final class UserAgent {

    static final String VALUE = "scaling-java/" + version();

    private UserAgent() {
    }

    private static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream("scaling-client.properties")) {
            if (in == null) {
                throw new IllegalStateException("scaling-client.properties is missing from the client jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
