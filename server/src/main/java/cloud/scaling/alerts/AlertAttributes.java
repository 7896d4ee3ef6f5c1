package cloud.scaling.alerts;

import cloud.scaling.shared.Hashing;
import cloud.scaling.shared.Severity;
import cloud.scaling.shared.Text;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an alert's values are cut to when stored (the spec's ingest rules): nothing a source sends is refused for
 * its length, since a sender never retries a refused notification and the rest of its group would be lost with it.
 * One instance per alert remembers whether anything was cut. Also how an Alertmanager alert's labels and
 * annotations become a title and a severity.
 */
final class AlertAttributes {

    static final int MAX_ENTRIES = 64;
    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_LABEL_LENGTH = 1024;
    static final int MAX_ANNOTATION_LENGTH = 4096;
    static final int MAX_LINK_LENGTH = 4096;
    /** An alert's stored title and dedup key hold 255 characters. */
    static final int MAX_TITLE_LENGTH = 255;

    static final int MAX_DEDUP_KEY_LENGTH = 255;
    /** A dedup key too long to store keeps this much of itself before its hash, so that it stays readable. */
    private static final int DEDUP_KEY_PREFIX = MAX_DEDUP_KEY_LENGTH - 1 - 64;
    /** Ends every cut value, so that a reader sees that something is missing. */
    static final String CUT_MARKER = "\u2026";
    /** Alertmanager's severity label, by lower-cased value; anything else (or none) is high. */
    private static final Map<String, Severity> ALERTMANAGER_SEVERITIES = Map.ofEntries(
            Map.entry("critical", Severity.CRITICAL),
            Map.entry("page", Severity.CRITICAL),
            Map.entry("high", Severity.HIGH),
            Map.entry("error", Severity.HIGH),
            Map.entry("major", Severity.HIGH),
            Map.entry("warning", Severity.MEDIUM),
            Map.entry("medium", Severity.MEDIUM),
            Map.entry("low", Severity.LOW),
            Map.entry("info", Severity.LOW),
            Map.entry("minor", Severity.LOW),
            Map.entry("none", Severity.LOW));

    private static final Severity UNCLASSIFIED_SEVERITY = Severity.HIGH;

    private boolean cut;

    /** Whether any value passed through this instance was cut. */
    boolean truncated() {
        return cut;
    }

    /** {@code value}, or its first characters ending in {@link #CUT_MARKER} to make {@code max} in all. */
    String text(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        cut = true;
        return Text.truncated(value, max - CUT_MARKER.length()) + CUT_MARKER;
    }

    @Nullable
    String optionalText(@Nullable String value, int max) {
        return value == null || value.isEmpty() ? null : text(value, max);
    }

    /**
     * The first {@link #MAX_ENTRIES} entries in the order sent, names and values cut to fit; an entry with an empty
     * name is dropped (no source means one), and counts as cut.
     */
    Map<String, String> entries(@Nullable Map<String, String> sent, int maxValue) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (sent == null) {
            return kept;
        }
        for (Map.Entry<String, String> entry : sent.entrySet()) {
            if (entry.getKey().isEmpty() || kept.size() == MAX_ENTRIES) {
                cut = true;
                continue;
            }
            kept.put(text(entry.getKey(), MAX_KEY_LENGTH), text(entry.getValue(), maxValue));
        }
        return kept;
    }

    /**
     * A dedup key as stored: a longer one becomes its beginning, {@code ~} and the SHA-256 of all of it, so that
     * two long keys with the same beginning stay two alerts. Not a cut: the key still names exactly one alert.
     */
    static String dedupKey(String sent) {
        if (sent.length() <= MAX_DEDUP_KEY_LENGTH) {
            return sent;
        }
        return Text.truncated(sent, DEDUP_KEY_PREFIX) + "~" + Hashing.sha256Hex(sent);
    }

    /** Alertmanager's fingerprint when a sender leaves it out: a hash of the sorted labels, in its length. */
    static String fingerprint(Map<String, String> labels) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(labels)
                .forEach((name, value) ->
                        canonical.append(name).append('=').append(value).append('\n'));
        return Hashing.sha256Hex(canonical.toString()).substring(0, 16);
    }

    String title(Map<String, String> annotations, Map<String, String> labels, String fingerprint) {
        String title = annotations.getOrDefault("summary", labels.getOrDefault("alertname", fingerprint));
        return text(title.isBlank() ? fingerprint : title, MAX_TITLE_LENGTH);
    }

    static Severity alertmanagerSeverity(@Nullable String label) {
        return label == null
                ? UNCLASSIFIED_SEVERITY
                : ALERTMANAGER_SEVERITIES.getOrDefault(label.toLowerCase(Locale.ROOT), UNCLASSIFIED_SEVERITY);
    }
}
