package cloud.scaling.shared;

import java.security.SecureRandom;

/** Random identifiers and secrets from the base62 alphabet, e.g. {@code org_3kX9...} or an API key's token. */
public final class RandomIds {

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {}

    public static String base62(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(out);
    }

    /** A public id with a type prefix, such as {@code org_} or {@code user_}. */
    public static String prefixed(String prefix) {
        return prefix + "_" + base62(16);
    }
}
