package cloud.scaling.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * The address people reach this server at (SCALING_PUBLIC_URL, e.g. {@code https://scaling.example.com}): every link
 * the server sends out (page emails, chat messages) is built on it. Unset, the server sends no links.
 */
@Singleton
public class PublicUrl {

    private final Optional<URI> base;

    public PublicUrl(@Value("${scaling.public-url:}") String configured) {
        String trimmed = configured.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        this.base = trimmed.isEmpty() ? Optional.empty() : Optional.of(URI.create(trimmed));
    }

    public boolean configured() {
        return base.isPresent();
    }

    /** The public address's host name, for the names the server goes by (its sender address, its EHLO). */
    public Optional<String> host() {
        return base.map(URI::getHost);
    }

    /** The absolute address of {@code path} (which starts with "/"), or empty without a public address. */
    public Optional<URI> resolve(String path) {
        return base.map(uri -> URI.create(uri + path));
    }
}
