package cloud.scaling.webhooks;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/** An endpoint's editable state as a request states it; an empty {@code eventTypes} subscribes to every type. */
public record EndpointState(String url, @Nullable String description, Set<EventType> eventTypes, boolean enabled) {}
