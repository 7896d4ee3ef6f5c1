package cloud.scaling.oncall;

/** How a layer rotates; the docs fix the length of daily and weekly rotations. */
public enum RotationType {
    DAILY("daily", 1),
    WEEKLY("weekly", 7),
    CUSTOM("custom", 0);

    private final String wireName;
    private final int fixedLengthDays;

    RotationType(String wireName, int fixedLengthDays) {
        this.wireName = wireName;
        this.fixedLengthDays = fixedLengthDays;
    }

    public String wireName() {
        return wireName;
    }

    public boolean fits(int lengthDays) {
        return lengthDays >= 1 && (fixedLengthDays == 0 || lengthDays == fixedLengthDays);
    }

    public String rule() {
        return fixedLengthDays == 0 ? "at least 1" : "exactly " + fixedLengthDays;
    }

    public static RotationType fromWireName(String wireName) {
        for (RotationType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown rotation type " + wireName);
    }
}
