package cloud.scaling.support;

/** An on-call schedule to create ({@code POST /v1/oncall/schedules}), in UTC unless told otherwise. */
public final class ScheduleFixture {

    private final String name;
    private String timezone = "UTC";

    private ScheduleFixture(String name) {
        this.name = name;
    }

    public static ScheduleFixture named(String name) {
        return new ScheduleFixture(name);
    }

    public ScheduleFixture timezone(String timezone) {
        this.timezone = timezone;
        return this;
    }

    public String json() {
        return """
                {"name": %s, "timezone": %s}""".formatted(JsonText.string(name), JsonText.string(timezone));
    }

    /** Creates the schedule; returns its id. */
    public String create(ApiClient api) {
        return JsonText.create(api, "/v1/oncall/schedules", json());
    }
}
