package cloud.scaling.escalation;

/** A level takes part only during (or only outside) the windows of a working-hours set. */
public record Condition(String workingHoursId, boolean during) {

    public String when() {
        return during ? "during" : "outside";
    }
}
