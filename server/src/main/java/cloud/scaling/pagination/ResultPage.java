package cloud.scaling.pagination;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paged list, and the cursor to the next page (null on the last page). */
public record ResultPage<T>(List<T> items, @Nullable String nextCursor) {

    /**
     * Cuts {@code rows} (fetched with {@code limit + 1}, so that one extra row tells whether another page
     * follows without a count query) to a page, with a cursor made from the position of its last row.
     */
    public static <T> ResultPage<T> of(
            List<T> rows, int limit, Function<T, CursorPosition> position, Function<CursorPosition, String> cursor) {
        if (rows.size() <= limit) {
            return new ResultPage<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        return new ResultPage<>(page, cursor.apply(position.apply(page.get(limit - 1))));
    }

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
