package cloud.scaling.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code User-Agent} every request carries: this library and its version (from its build), then the version of
 * the spec it was generated from, e.g. {@code scaling-java/0.1.0 scaling-api/1.3.0}.
 */
final class UserAgent {

    static final String VALUE = "scaling-java/" + version() + " scaling-api/" + ScalingClient.SPEC_VERSION;

    private UserAgent() {}

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
