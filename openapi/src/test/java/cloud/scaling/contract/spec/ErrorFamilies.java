package cloud.scaling.contract.spec;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code ApiError.type} goes with which HTTP status, read from the spec's own description of that field
 * (`` `not_authorized_error` (401), `invalid_request_error` (400, 404, ...) ``), so a family added to the spec
 * is checked without touching the tests.
 */
public final class ErrorFamilies {

    private static final Pattern FAMILY = Pattern.compile("`(\\w+)`\\s*\\(([\\d,\\s]+)\\)");

    private final Map<Integer, String> typeByStatus;

    private ErrorFamilies(Map<Integer, String> typeByStatus) {
        this.typeByStatus = Map.copyOf(typeByStatus);
    }

    public static ErrorFamilies of(Spec spec) {
        String description =
                spec.componentSchema("ApiError").getProperties().get("type").getDescription();
        Map<Integer, String> typeByStatus = new HashMap<>();
        Matcher matcher = FAMILY.matcher(description == null ? "" : description);
        while (matcher.find()) {
            for (String status : matcher.group(2).split(",")) {
                typeByStatus.put(Integer.valueOf(status.trim()), matcher.group(1));
            }
        }
        if (typeByStatus.isEmpty()) {
            throw new IllegalStateException("ApiError.type's description no longer lists the families as "
                    + "`family` (status, ...): the tests read the status-to-type rule from there");
        }
        return new ErrorFamilies(typeByStatus);
    }

    /** The documented type for this status, or null if the spec names none. */
    public String typeFor(int status) {
        return typeByStatus.get(status);
    }
}
