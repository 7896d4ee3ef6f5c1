package cloud.scaling.shared;

/** String helpers for values cut to fit a column. */
public final class Text {

    private Text() {}

    /**
     * The first {@code maxChars} UTF-16 characters of {@code value} (the unit column lengths are checked in on
     * H2 and the API validates), one fewer when the cut would split a surrogate pair, so no half emoji is stored.
     */
    public static String truncated(String value, int maxChars) {
        if (value.length() <= maxChars) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return value.substring(0, end);
    }
}
