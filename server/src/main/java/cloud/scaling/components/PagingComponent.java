package cloud.scaling.components;

import io.micronaut.core.annotation.Nullable;

/** What an alert's incident takes from its integration's component: the component, and its default policy. */
public record PagingComponent(String id, @Nullable String escalationPolicyId) {}
