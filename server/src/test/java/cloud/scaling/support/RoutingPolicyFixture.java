package cloud.scaling.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A routing policy to create ({@code POST /v1/routing/policies}): one rule per severity, in the order added.
 * {@code RoutingPolicyFixture.named("Payments").rule("critical", "incident", policy).rule("high", "incident")...}
 */
public final class RoutingPolicyFixture {

    private final String name;
    private final List<String> rules = new ArrayList<>();

    private RoutingPolicyFixture(String name) {
        this.name = name;
    }

    public static RoutingPolicyFixture named(String name) {
        return new RoutingPolicyFixture(name);
    }

    public RoutingPolicyFixture rule(String severity, String outcome) {
        return rule(severity, outcome, null);
    }

    /** A rule that pages {@code escalationPolicyId} (for {@code incident} and {@code provisional_page}). */
    public RoutingPolicyFixture rule(String severity, String outcome, String escalationPolicyId) {
        rules.add("""
                {"severity": %s, "outcome": %s%s}""".formatted(
                        JsonText.string(severity),
                        JsonText.string(outcome),
                        JsonText.optional(
                                "escalationPolicyId",
                                escalationPolicyId == null ? null : JsonText.string(escalationPolicyId))));
        return this;
    }

    public String json() {
        return """
                {"name": %s, "rules": [%s]}""".formatted(JsonText.string(name), String.join(", ", rules));
    }

    /** Creates the policy; returns its id. */
    public String create(ApiClient api) {
        return JsonText.create(api, "/v1/routing/policies", json());
    }
}
