package cloud.scaling.components;

import cloud.scaling.shared.WireEnum;
import jakarta.inject.Singleton;

/** How a component is doing, as its owners set it. */
public enum OperationalStatus {
    OPERATIONAL,
    DEGRADED,
    PARTIAL_OUTAGE,
    MAJOR_OUTAGE,
    MAINTENANCE;

    @Singleton
    static class Column extends WireEnum<OperationalStatus> {
        Column() {
            super(OperationalStatus.class);
        }
    }
}
