package cloud.scaling.pager;

import cloud.scaling.shared.WireEnum;
import jakarta.inject.Singleton;

/** Where paging through a policy stands (see the spec's {@code EscalationState}). */
public enum EscalationState {
    PAGING,
    ACKNOWLEDGED,
    EXHAUSTED,
    STOPPED;

    @Singleton
    static class Column extends WireEnum<EscalationState> {
        Column() {
            super(EscalationState.class);
        }
    }
}
