package cloud.scaling.workinghours;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;

/**
 * A weekly window: from {@code start} to {@code end} (HH:MM) on each of {@code days} (ISO weekdays, 1 = Monday),
 * in the set's time zone. An end before the start runs past midnight into the next day.
 */
@Serdeable
public record Window(List<Integer> days, String start, String end) {

    /** Why this window cannot be used, or null when it can (the schema has already checked ranges and formats). */
    String problem() {
        if (start.equals(end)) {
            return "start and end must differ (" + start + ")";
        }
        if (new HashSet<>(days).size() != days.size()) {
            return "days lists a day twice " + days;
        }
        return null;
    }

    /** Whether this local date-time, in the set's time zone, falls inside the window. */
    public boolean covers(LocalDateTime local) {
        LocalTime from = LocalTime.parse(start);
        LocalTime to = LocalTime.parse(end);
        LocalTime time = local.toLocalTime();
        int today = local.getDayOfWeek().getValue();
        if (from.isBefore(to)) {
            return days.contains(today) && !time.isBefore(from) && time.isBefore(to);
        }
        int yesterday = today == 1 ? 7 : today - 1;
        return days.contains(today) && !time.isBefore(from) || days.contains(yesterday) && time.isBefore(to);
    }
}
