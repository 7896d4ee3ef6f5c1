package cloud.scaling.workinghours;

import java.util.List;

/** A working-hours set's full editable state, as a create or a replacement carries it. */
public record WorkingHoursState(String name, String timezone, List<Window> windows) {}
