package cloud.scaling.alerts;

import cloud.scaling.shared.Severity;
import java.util.Map;

/** One alert as a sender delivered it, whatever its format: the command the intake works on. */
public record IncomingAlert(
        String dedupKey, String title, Severity severity, boolean firing, Map<String, String> attributes) {}
