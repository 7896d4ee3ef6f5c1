package cloud.scaling.workinghours;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which local times a window covers: start inclusive, end exclusive, and windows that run past midnight. */
class WindowTest {

    // 2026-06-01 is a Monday.
    private static LocalDateTime monday(String time) {
        return LocalDateTime.parse("2026-06-01T" + time);
    }

    @Test
    void aDaytimeWindowCoversItsDaysFromStartUntilEnd() {
        Window office = new Window(List.of(1, 2, 3, 4, 5), "09:00", "17:00");
        assertFalse(office.covers(monday("08:59")));
        assertTrue(office.covers(monday("09:00")));
        assertTrue(office.covers(monday("16:59:59")));
        assertFalse(office.covers(monday("17:00")));
        assertFalse(office.covers(monday("12:00").plusDays(5)), "Saturday");
    }

    @Test
    void anOvernightWindowRunsIntoTheNextDay() {
        Window night = new Window(List.of(7), "22:00", "06:00");
        LocalDateTime sunday = monday("00:00").minusDays(1);
        assertFalse(night.covers(sunday.withHour(21)));
        assertTrue(night.covers(sunday.withHour(23)));
        assertTrue(night.covers(monday("05:59")), "Monday morning belongs to Sunday's night");
        assertFalse(night.covers(monday("06:00")));
        assertFalse(night.covers(monday("23:00")), "Monday itself is not listed");
        assertFalse(night.covers(sunday.withHour(3)), "Saturday's night is not listed");
    }
}
