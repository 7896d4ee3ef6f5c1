package cloud.scaling.oncall;

import cloud.scaling.shared.Refusal;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for a feature that refers to schedules: records every ScheduleDeleting and vetoes the ones asked. */
@Singleton
public class ScheduleDeletingRecorder {

    final List<ScheduleDeleting> seen = new CopyOnWriteArrayList<>();
    final Set<String> vetoed = ConcurrentHashMap.newKeySet();

    @EventListener
    public void onDeleting(ScheduleDeleting event) {
        seen.add(event);
        if (vetoed.contains(event.scheduleId())) {
            throw Refusal.badRequest("schedule_in_use", "Used by an escalation policy.");
        }
    }
}
