package cloud.scaling.team;

import cloud.scaling.orgs.MemberRemoved;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the features that listen to removals (rotations, escalation targets): records each event,
 * and vetoes the removal of the users a test names, as a listener may.
 */
@Singleton
public class RecordedRemovals implements ApplicationEventListener<MemberRemoved> {

    final List<MemberRemoved> events = new CopyOnWriteArrayList<>();
    final Set<String> vetoed = ConcurrentHashMap.newKeySet();

    @Override
    public void onApplicationEvent(MemberRemoved event) {
        if (vetoed.contains(event.userId())) {
            throw new IllegalStateException("Test listener vetoes removing " + event.userId());
        }
        events.add(event);
    }
}
