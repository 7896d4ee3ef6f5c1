package cloud.scaling.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A working-hours set to create ({@code POST /v1/working-hours}):
 * {@code WorkingHoursFixture.named("UK office", "Europe/London").window("09:00", "17:00", 1, 2, 3, 4, 5)}.
 */
public final class WorkingHoursFixture {

    private final String name;
    private final String timezone;
    private final List<String> windows = new ArrayList<>();

    private WorkingHoursFixture(String name, String timezone) {
        this.name = name;
        this.timezone = timezone;
    }

    public static WorkingHoursFixture named(String name, String timezone) {
        return new WorkingHoursFixture(name, timezone);
    }

    /** A weekly window from {@code start} to {@code end} ("HH:mm") on these ISO days (1 is Monday). */
    public WorkingHoursFixture window(String start, String end, int... days) {
        windows.add("""
                {"days": [%s], "start": %s, "end": %s}""".formatted(
                        IntStream.of(days).mapToObj(Integer::toString).collect(Collectors.joining(", ")),
                        JsonText.string(start),
                        JsonText.string(end)));
        return this;
    }

    public String json() {
        return """
                {"name": %s, "timezone": %s, "windows": [%s]}""".formatted(JsonText.string(name), JsonText.string(timezone), String.join(", ", windows));
    }

    /** Creates the set; returns its id. */
    public String create(ApiClient api) {
        return JsonText.create(api, "/v1/working-hours", json());
    }
}
