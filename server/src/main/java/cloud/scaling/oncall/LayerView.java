package cloud.scaling.oncall;

import java.util.List;

/** A layer with its participants in rotation order. */
public record LayerView(LayerRow row, List<String> participantIds) {}
