package cloud.scaling.routing;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What alerts of one severity become; a null escalation policy falls back to the component's default. */
@Serdeable
public record RoutingRule(
        Severity severity, Outcome outcome, @Nullable String escalationPolicyId) {}
