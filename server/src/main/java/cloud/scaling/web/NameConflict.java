package cloud.scaling.web;

import cloud.scaling.shared.Refusal;
import cloud.scaling.shared.UniqueConstraint;
import io.micronaut.data.exceptions.DataAccessException;
import java.util.function.Supplier;

/** {@code 409 name_conflict} for objects whose name is unique in the organization. */
public final class NameConflict {

    private NameConflict() {}

    /** {@code what} names the kind of object, e.g. "component" or "on-call schedule". */
    public static Refusal of(String what, String name) {
        return Refusal.conflict(
                "name_conflict",
                "A" + (startsWithVowel(what) ? "n " : " ") + what + " named " + name + " already exists.");
    }

    /**
     * Runs the save after the caller checked the name was free: the unique constraint still decides when two
     * requests race for the same name, and the loser gets the same answer as a late-comer. Any other failure of
     * the save is not a conflict and propagates.
     */
    public static <T> T guarding(Supplier<T> save, String constraint, String what, String name) {
        try {
            return save.get();
        } catch (DataAccessException failure) {
            if (UniqueConstraint.refused(failure, constraint)) {
                throw of(what, name);
            }
            throw failure;
        }
    }

    private static boolean startsWithVowel(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0;
    }
}
