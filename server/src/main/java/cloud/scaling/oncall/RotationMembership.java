package cloud.scaling.oncall;

import cloud.scaling.orgs.MemberRemoved;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * A member who leaves the organization leaves every rotation and override of it, in the same transaction
 * (the event is published inside the removing one). The rest of each rotation closes ranks: the order of
 * the remaining participants is kept, so who is on call from then on may shift. A layer left without
 * participants stays, putting nobody on call, until someone edits it.
 */
@Singleton
public class RotationMembership {

    private final ParticipantRepository participants;
    private final OverrideRepository overrides;

    public RotationMembership(ParticipantRepository participants, OverrideRepository overrides) {
        this.participants = participants;
        this.overrides = overrides;
    }

    @EventListener
    public void onMemberRemoved(MemberRemoved event) {
        participants.touchLayersOf(event.orgId(), event.userId(), event.at());
        participants.removeUser(event.orgId(), event.userId());
        overrides.removeUser(event.orgId(), event.userId());
    }
}
