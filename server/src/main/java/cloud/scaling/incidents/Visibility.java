package cloud.scaling.incidents;

import cloud.scaling.shared.WireEnum;
import jakarta.inject.Singleton;

/** Who may read an update: the team only, or also the public status page. */
public enum Visibility {
    INTERNAL,
    PUBLIC;

    @Singleton
    public static class Column extends WireEnum<Visibility> {
        Column() {
            super(Visibility.class);
        }
    }
}
