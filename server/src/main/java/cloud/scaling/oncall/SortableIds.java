package cloud.scaling.oncall;

import cloud.scaling.shared.RandomIds;

/**
 * Ids that sort (as strings) in creation order: the Terraform provider sorts a schedule's layers by id when
 * it reads them back, and must find them in the order it created them. Eight base62 digits of milliseconds
 * (ASCII order of base62 is numeric order), never going back within this process, then random characters.
 */
final class SortableIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static long last;

    private SortableIds() {}

    static String next(String prefix, long nowMillis) {
        long stamp;
        synchronized (SortableIds.class) {
            stamp = Math.max(nowMillis, last + 1);
            last = stamp;
        }
        char[] digits = new char[8];
        for (int i = 7; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (stamp % 62));
            stamp /= 62;
        }
        return prefix + "_" + new String(digits) + RandomIds.base62(8);
    }
}
