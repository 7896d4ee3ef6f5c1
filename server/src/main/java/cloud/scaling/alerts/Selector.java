package cloud.scaling.alerts;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One routing selector: when every matcher matches the alert's attributes, its policy routes the alert. */
@Serdeable
public record Selector(List<Matcher> matchers, String routingPolicyId) {

    /** An attribute {@code key} whose value equals {@code value} ignoring case; a missing attribute never matches. */
    @Serdeable
    public record Matcher(String key, String value) {

        boolean matches(Map<String, String> attributes) {
            String actual = attributes.get(key);
            return actual != null && actual.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
        }
    }

    boolean matches(Map<String, String> attributes) {
        return matchers.stream().allMatch(matcher -> matcher.matches(attributes));
    }
}
