package cloud.scaling.pager;

import cloud.scaling.shared.WireEnum;
import jakarta.inject.Singleton;

/** Whether a page reached its person: pending until an attempt succeeds or the attempts run out. */
public enum PageStatus {
    PENDING,
    DELIVERED,
    FAILED;

    @Singleton
    static class Column extends WireEnum<PageStatus> {
        Column() {
            super(PageStatus.class);
        }
    }
}
