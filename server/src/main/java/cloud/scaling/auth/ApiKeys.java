package cloud.scaling.auth;

import cloud.scaling.shared.RandomIds;
import java.util.regex.Pattern;

/** The API key format ({@code scl_live_} + 32 base62 characters), its hash and its display prefix. */
public final class ApiKeys {

    public static final String PREFIX = "scl_live_";
    private static final Pattern FORMAT = Pattern.compile("scl_live_[0-9A-Za-z]{32}");
    /** How many token characters the display prefix keeps: enough to tell keys apart, far too few to guess. */
    private static final int DISPLAYED_TOKEN_CHARS = 8;

    private ApiKeys() {}

    public static String generate() {
        return PREFIX + RandomIds.base62(32);
    }

    public static boolean isWellFormed(String key) {
        return key != null && FORMAT.matcher(key).matches();
    }

    public static String displayPrefix(String key) {
        return key.substring(0, PREFIX.length() + DISPLAYED_TOKEN_CHARS);
    }
}
