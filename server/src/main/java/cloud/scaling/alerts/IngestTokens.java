package cloud.scaling.alerts;

import cloud.scaling.shared.RandomIds;
import java.util.regex.Pattern;

/** The ingest-token format ({@code scl_int_} + 32 base62 characters) and its display prefix. */
final class IngestTokens {

    private static final String PREFIX = "scl_int_";
    private static final Pattern FORMAT = Pattern.compile("scl_int_[0-9A-Za-z]{32}");
    private static final int DISPLAYED_TOKEN_CHARS = 8;

    private IngestTokens() {}

    static String generate() {
        return PREFIX + RandomIds.base62(32);
    }

    static boolean isWellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    static String displayPrefix(String token) {
        return token.substring(0, PREFIX.length() + DISPLAYED_TOKEN_CHARS);
    }
}
