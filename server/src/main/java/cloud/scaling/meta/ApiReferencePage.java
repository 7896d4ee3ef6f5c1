package cloud.scaling.meta;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /docs} page: Swagger UI, from the webjar bundled into the server at build time, inlined into one HTML
 * page that renders {@code /openapi.yaml}. Inlined rather than served as files of their own, so that the page is
 * the only thing on the wire besides the document, and its Content-Security-Policy can forbid every other host.
 */
@Singleton
public class ApiReferencePage {

    /** Scripts and styles only from the page itself; data only from this server; nothing else at all. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    // Sequences that would end or confuse an inline <script> element. In the bundle they only occur inside string
    // and regular-expression literals, where \x3C means the same '<'.
    private static final Pattern SCRIPT_BREAKERS = Pattern.compile("<(?=/?script|!--)", Pattern.CASE_INSENSITIVE);

    private final String html;

    public ApiReferencePage() {
        String version = webjarVersion();
        String css = resource(WEBJAR + version + "/swagger-ui.css");
        String js = SCRIPT_BREAKERS
                .matcher(resource(WEBJAR + version + "/swagger-ui-bundle.js"))
                .replaceAll(Matcher.quoteReplacement("\\x3C"));
        String template = resource("cloud/scaling/meta/api-reference.html");
        this.html =
                template.replace("/*CSS*/", css.replace("</style", "<\\/style")).replace("/*JS*/", js);
    }

    public String html() {
        return html;
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ApiReferencePage.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }
}
