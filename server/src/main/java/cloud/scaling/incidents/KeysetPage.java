package cloud.scaling.incidents;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** One page of incidents and the cursor to the next page (null on the last page). */
public record KeysetPage(List<IncidentRow> incidents, @Nullable String nextCursor) {
}
