package cloud.scaling.routing;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A routing policy's full editable state, as a create or a replacement carries it. */
public record RoutingPolicyState(String name, @Nullable String description, List<RoutingRule> rules) {}
