package cloud.scaling.components;

/** A component as an incident lists it among those it affects: its id and its name. */
public record NamedComponent(String id, String name) {}
