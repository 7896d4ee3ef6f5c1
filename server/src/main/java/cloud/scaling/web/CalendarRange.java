package cloud.scaling.web;

import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and timestamps the API accepts: years 0000 to 9999, the years {@code YYYY-MM-DD} can write. Java reads
 * years up to ±999,999,999, which overflow date arithmetic and PostgreSQL's timestamp range; they answer
 * {@code 422 invalid_format} naming the field, as any other malformed date does.
 */
public final class CalendarRange {

    private CalendarRange() {}

    public static boolean contains(TemporalAccessor dateOrTimestamp) {
        int year = dateOrTimestamp.get(ChronoField.YEAR);
        return year >= 0 && year <= 9999;
    }

    /** {@code date} itself, or (when outside the range) the 422 for {@code field}. */
    public static LocalDate require(String field, LocalDate date) {
        if (date != null && !contains(date)) {
            throw new ApiException(Problem.invalid("invalid_format", field, "must be a date as YYYY-MM-DD."));
        }
        return date;
    }
}
