package cloud.scaling.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns a cursor-paged list operation into a lazy stream of its items: a page is fetched only when the stream
 * reaches it, by passing the previous page's {@code nextCursor} back until it is null. Works for any paged operation
 * of the generated API, for example:
 * <pre>{@code
 * Stream<Incident> all = Paging.stream(
 *         cursor -> incidentsApi.listIncidents(null, null, null, null, 100, cursor).getData(),
 *         IncidentPage::getIncidents, IncidentPage::getNextCursor);
 * }</pre>
 */
public final class Paging {

    private Paging() {}

    /**
     * @param fetchPage  fetches the page at a cursor (null for the first page)
     * @param items      the items of a page
     * @param nextCursor the cursor of the page after it, null on the last page
     * @param <P>        the page type
     * @param <T>        the item type
     * @return the items of all pages in order, fetched page by page as the stream is consumed
     */
    public static <P, T> Stream<T> stream(
            Function<String, P> fetchPage, Function<P, List<T>> items, Function<P, String> nextCursor) {
        Iterator<T> iterator = new PageIterator<>(fetchPage, items, nextCursor);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static final class PageIterator<P, T> implements Iterator<T> {

        private final Function<String, P> fetchPage;
        private final Function<P, List<T>> items;
        private final Function<P, String> nextCursor;
        private Iterator<T> page = List.<T>of().iterator();
        private String cursor;
        private boolean lastPageFetched;

        PageIterator(Function<String, P> fetchPage, Function<P, List<T>> items, Function<P, String> nextCursor) {
            this.fetchPage = fetchPage;
            this.items = items;
            this.nextCursor = nextCursor;
        }

        @Override
        public boolean hasNext() {
            // A loop, not an if: a page may be empty and still have a successor.
            while (!page.hasNext() && !lastPageFetched) {
                P fetched = fetchPage.apply(cursor);
                page = items.apply(fetched).iterator();
                cursor = nextCursor.apply(fetched);
                lastPageFetched = cursor == null;
            }
            return page.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }
}
