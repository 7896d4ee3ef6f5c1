package cloud.scaling.alerts;

import java.util.Map;

/** One alert as a sender delivered it, whatever its format: the command the intake works on. */
public record IncomingAlert(
        String dedupKey, String title, String severity, boolean firing, Map<String, String> attributes) {}
