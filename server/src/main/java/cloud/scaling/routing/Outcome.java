package cloud.scaling.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;

/** What a routing rule makes of an alert; the spec's RoutingOutcome describes each. */
@Serdeable
public enum Outcome {
    INCIDENT("incident"),
    PROVISIONAL_PAGE("provisional_page"),
    NOTIFICATION("notification"),
    DROP("drop");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Outcome of(String wireName) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No routing outcome " + wireName));
    }
}
