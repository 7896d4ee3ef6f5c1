package cloud.scaling.alerts;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;

/**
 * One alert as a sender delivered it, whatever its format, already cut to what is stored: the command the intake
 * works on. {@code incidentTitle} is the title an incident opened by it takes (the alert's title plus what tells
 * it from the rest of its group); {@code truncated} whether anything was cut.
 */
public record IncomingAlert(
        String dedupKey,
        String title,
        String incidentTitle,
        Severity severity,
        boolean firing,
        Map<String, String> attributes,
        @Nullable String description,
        Map<String, String> annotations,
        AlertLinks links,
        @Nullable Instant startsAt,
        boolean truncated)
        implements ReceivedAlert {}
