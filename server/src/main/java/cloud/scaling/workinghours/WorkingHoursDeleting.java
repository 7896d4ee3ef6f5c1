package cloud.scaling.workinghours;

/**
 * Published inside the transaction that deletes a working-hours set, before the row goes: a listener that still
 * uses the set vetoes the deletion by throwing (an {@code Refusal}), which rolls the transaction back.
 */
public record WorkingHoursDeleting(String orgId, String workingHoursId) {}
