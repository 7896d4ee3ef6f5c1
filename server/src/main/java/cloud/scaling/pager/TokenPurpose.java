package cloud.scaling.pager;

import cloud.scaling.shared.WireEnum;
import jakarta.inject.Singleton;

/**
 * What a page's link may do: {@code RESPOND} opens the responder page, whose buttons acknowledge and resolve (each
 * once); {@code ACKNOWLEDGE} and {@code RESOLVE} are the email's one-click links, each good for its action only.
 */
public enum TokenPurpose {
    RESPOND,
    ACKNOWLEDGE,
    RESOLVE;

    public boolean permits(Action action) {
        return this == RESPOND || name().equals(action.name());
    }

    @Singleton
    static class Column extends WireEnum<TokenPurpose> {
        Column() {
            super(TokenPurpose.class);
        }
    }

    /** What a link does when its button is pressed. */
    public enum Action {
        ACKNOWLEDGE,
        RESOLVE
    }
}
