package cloud.scaling.alerts;

import cloud.scaling.shared.Severity;
import cloud.scaling.shared.Text;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rules for an alert's free-form attributes (the spec's AlertAttributes, which a schema cannot fully state)
 * and how an Alertmanager alert's labels and annotations become a title and a severity.
 */
final class AlertAttributes {

    static final int MAX_ENTRIES = 64;
    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_VALUE_LENGTH = 1024;
    /** An alert's stored title holds 255 characters (GenericAlert's limit). */
    static final int MAX_TITLE_LENGTH = 255;
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

    private AlertAttributes() {}

    /** The attributes as given (none is an empty map), or a 422 naming the offending entry. */
    static Map<String, String> checked(@Nullable Map<String, String> attributes, String field) {
        if (attributes == null) {
            return Map.of();
        }
        if (attributes.size() > MAX_ENTRIES) {
            throw new ApiException(
                    Problem.invalid("too_long", field, "must have at most " + MAX_ENTRIES + " entries."));
        }
        Map<String, String> copy = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            String entry = field + "." + key;
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw new ApiException(Problem.invalid(
                        key.isEmpty() ? "too_short" : "too_long",
                        entry,
                        "keys must have 1 to " + MAX_KEY_LENGTH + " characters."));
            }
            if (value == null) {
                throw new ApiException(Problem.invalid("invalid_type", entry, "must be a string."));
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new ApiException(
                        Problem.invalid("too_long", entry, "must be at most " + MAX_VALUE_LENGTH + " characters."));
            }
            copy.put(key, value);
        });
        return copy;
    }

    static String title(Map<String, String> annotations, Map<String, String> labels, String fingerprint) {
        String title = annotations.getOrDefault("summary", labels.getOrDefault("alertname", fingerprint));
        return Text.truncated(title.isBlank() ? fingerprint : title, MAX_TITLE_LENGTH);
    }

    static Severity alertmanagerSeverity(@Nullable String label) {
        return label == null
                ? UNCLASSIFIED_SEVERITY
                : ALERTMANAGER_SEVERITIES.getOrDefault(label.toLowerCase(Locale.ROOT), UNCLASSIFIED_SEVERITY);
    }
}
