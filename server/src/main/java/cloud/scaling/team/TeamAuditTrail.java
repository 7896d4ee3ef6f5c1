package cloud.scaling.team;

import cloud.scaling.orgs.UserDetailsChanged;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Records, in the transaction of the change, who changed the team and how. */
@Singleton
class TeamAuditTrail {

    private final TeamEventRepository events;
    private final JsonMapper json;

    TeamAuditTrail(TeamEventRepository events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    /**
     * A user changed their own or (an admin) another member's names or email address: the previous and the new value
     * of each field that changed. An operator's admin command is no user of the organization, and the trail names
     * users only, so its changes are not recorded here.
     */
    @EventListener
    void onDetailsChanged(UserDetailsChanged changed) {
        if (changed.actorId() == null) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        field(details, "email", changed.before().email(), changed.after().email());
        field(
                details,
                "firstName",
                changed.before().firstName(),
                changed.after().firstName());
        field(details, "lastName", changed.before().lastName(), changed.after().lastName());
        record(
                changed.orgId(),
                TeamEvent.MEMBER_DETAILS_CHANGED,
                changed.actorId(),
                changed.after().userId(),
                changed.at(),
                details);
    }

    private static void field(Map<String, String> details, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            details.put("previous" + Character.toUpperCase(name.charAt(0)) + name.substring(1), before);
            details.put(name, after);
        }
    }

    void record(
            String orgId, TeamEvent type, String actorId, String subjectId, Instant at, Map<String, String> details) {
        try {
            events.save(new TeamEventRow(
                    UUID.randomUUID(),
                    orgId,
                    type.wireName(),
                    actorId,
                    subjectId,
                    at,
                    json.writeValueAsString(details)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
