package cloud.scaling.auth;

import cloud.scaling.orgs.RandomIds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The API key format ({@code scl_live_} + 32 base62 characters), its hash and its display prefix. */
public final class ApiKeys {

    public static final String PREFIX = "scl_live_";
    private static final Pattern FORMAT = Pattern.compile("scl_live_[0-9A-Za-z]{32}");
    /** How many token characters the display prefix keeps: enough to tell keys apart, far too few to guess. */
    private static final int DISPLAYED_TOKEN_CHARS = 8;

    private ApiKeys() {
    }

    public static String generate() {
        return PREFIX + RandomIds.base62(32);
    }

    public static boolean isWellFormed(String key) {
        return key != null && FORMAT.matcher(key).matches();
    }

    public static String displayPrefix(String key) {
        return key.substring(0, PREFIX.length() + DISPLAYED_TOKEN_CHARS);
    }

    public static String sha256Hex(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
