package cloud.scaling.web;

import cloud.scaling.shared.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** URLs the server posts to (webhook endpoints, chat contact methods): absolute http or https, with a host. */
public final class OutboundUrls {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private OutboundUrls() {}

    /** {@code url} as given in the body's {@code field}; {@code 422 invalid_url} when the server could not post to it. */
    public static URI requireUsable(String field, String url) {
        String problem = null;
        URI uri = null;
        try {
            uri = new URI(url);
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                problem = "must be an absolute http or https URL.";
            } else if (uri.getHost() == null) {
                problem = "must name a host.";
            }
        } catch (URISyntaxException e) {
            problem = "is not a URL: " + e.getReason() + ".";
        }
        if (problem != null) {
            throw Refusal.invalid("invalid_url", field, problem);
        }
        return uri;
    }
}
