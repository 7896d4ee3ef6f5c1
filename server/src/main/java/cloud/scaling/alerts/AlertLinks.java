package cloud.scaling.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a responder goes from an alert: its runbook, its source, its silence form, its dashboard and panel. */
@Serdeable
public record AlertLinks(
        @Nullable String runbook,
        @Nullable String source,
        @Nullable String silence,
        @Nullable String dashboard,
        @Nullable String panel) {

    static final AlertLinks NONE = new AlertLinks(null, null, null, null, null);

    /** The links present, by the label a person reads ("Runbook"), in a fixed order. */
    Map<String, String> labelled() {
        Map<String, String> present = new LinkedHashMap<>();
        put(present, "Runbook", runbook);
        put(present, "Source", source);
        put(present, "Silence", silence);
        put(present, "Dashboard", dashboard);
        put(present, "Panel", panel);
        return present;
    }

    private static void put(Map<String, String> present, String label, @Nullable String url) {
        if (url != null) {
            present.put(label, url);
        }
    }
}
