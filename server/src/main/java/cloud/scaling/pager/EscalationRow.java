package cloud.scaling.pager;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident's escalation as stored. {@code level} is the position paged last; {@code timer} counts the waits
 * started, so that only the step scheduled for the current wait may act. {@code finalLevel} is the last position
 * it may page (null: every level).
 */
@MappedEntity("incident_escalations")
record EscalationRow(
        @Id UUID incidentId,
        String orgId,
        String policyId,

        @MappedProperty(converter = EscalationState.Column.class)
        EscalationState state,

        @Nullable Integer level,
        @Nullable Instant levelStartedAt,
        @Nullable Instant nextEscalationAt,
        int timer,
        @Nullable Integer finalLevel) {

    /** Paging {@code position} from {@code now}: the next step falls due after {@code wait}. */
    EscalationRow waiting(int position, Instant now, Duration wait) {
        return new EscalationRow(
                incidentId,
                orgId,
                policyId,
                EscalationState.PAGING,
                position,
                now,
                now.plus(wait),
                timer + 1,
                finalLevel);
    }

    /** Escalation ends in {@code ended}; the level paged last stays on record. */
    EscalationRow ended(EscalationState ended) {
        return new EscalationRow(incidentId, orgId, policyId, ended, level, levelStartedAt, null, timer, finalLevel);
    }

    /** Goes no further than the level paged now. */
    EscalationRow endingAtCurrentLevel() {
        return new EscalationRow(
                incidentId, orgId, policyId, state, level, levelStartedAt, nextEscalationAt, timer, level);
    }

    /** The levels of the policy this escalation may still reach. */
    <T> List<T> reachable(List<T> levels) {
        return finalLevel == null ? levels : levels.subList(0, Math.min(finalLevel, levels.size()));
    }
}
