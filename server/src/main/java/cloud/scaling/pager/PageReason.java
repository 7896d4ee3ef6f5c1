package cloud.scaling.pager;

import cloud.scaling.shared.WireEnum;
import jakarta.inject.Singleton;

/** Why someone was paged: a level of the escalation reached them, or the incident was handed to them. */
public enum PageReason {
    ESCALATION,
    HANDOFF;

    @Singleton
    static class Column extends WireEnum<PageReason> {
        Column() {
            super(PageReason.class);
        }
    }
}
