package cloud.scaling.web;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import java.util.function.Supplier;

/** Names unique in an organization: the check before the write, and the unique constraint when two race. */
public final class NameConflicts {

    private NameConflicts() {}

    /** Runs the save; a constraint violation (the racing twin won) becomes {@code 409 name_conflict}. */
    public static <T> T guard(Supplier<T> save, String what) {
        try {
            return save.get();
        } catch (DataAccessException raceLost) {
            throw conflict(what);
        }
    }

    /** {@code what} names the taken name, e.g. "An escalation policy named Primary". */
    public static ApiException conflict(String what) {
        return new ApiException(new Problem(HttpStatus.CONFLICT, "name_conflict", what + " already exists."));
    }
}
