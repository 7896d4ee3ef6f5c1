package cloud.scaling.shared;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells the one refusal a write expects — a racing twin stopped by a named unique constraint — from every other
 * database failure, which must stay an error (a 500 with its cause logged) instead of being mistaken for a conflict.
 * Both databases name the constraint in the message: PostgreSQL as the constraint, H2 as its index
 * ({@code <constraint>_INDEX_…}).
 */
public final class UniqueConstraint {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueConstraint() {}

    /** True when the first SQL failure under {@code failure} is a unique violation of {@code constraint}. */
    public static boolean refused(Throwable failure, String constraint) {
        return refusedAny(failure)
                && String.valueOf(sqlCause(failure).getMessage())
                        .toLowerCase(Locale.ROOT)
                        .contains(constraint);
    }

    /** True when the first SQL failure under {@code failure} is a unique violation, whichever key refused it. */
    public static boolean refusedAny(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    /** The SQLState of the first SQL failure under {@code failure}, or null when there is none. */
    public static String sqlState(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql == null ? null : sql.getSQLState();
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
