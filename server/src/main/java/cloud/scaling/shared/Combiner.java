package cloud.scaling.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs the items that threads hand in at about the same time as one batch, as a database's group commit does: a
 * thread that finds no batch running runs everything waiting (its own item included), while later arrivals wait for
 * the next batch. Under load a batch holds as many items as threads were waiting (at most {@code largest}); alone,
 * an item is a batch of one at once. No timer: batching never delays an item.
 *
 * <p>A batch that fails is run again one item at a time, so that one bad item fails only its own thread.
 *
 * @param <T> what a thread hands in
 * @param <R> what it gets back
 */
public final class Combiner<T, R> {

    private final Function<List<T>, List<R>> batch;
    private final int largest;
    private final ReentrantLock turn = new ReentrantLock();
    private final Queue<Waiting<T, R>> waiting = new ConcurrentLinkedQueue<>();

    /**
     * @param batch runs a batch, answering one result per item in the items' order
     * @param largest the most items in one batch
     */
    public Combiner(Function<List<T>, List<R>> batch, int largest) {
        this.batch = batch;
        this.largest = largest;
    }

    /** The result of {@code item}, run in a batch; throws what running it alone threw. */
    public R submit(T item) {
        Waiting<T, R> mine = new Waiting<>(item);
        waiting.add(mine);
        turn.lock();
        try {
            // Whoever held the turn before may have run this item already; otherwise run everything waiting.
            while (!mine.done) {
                run(drain());
            }
        } finally {
            turn.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    private List<Waiting<T, R>> drain() {
        List<Waiting<T, R>> taken = new ArrayList<>();
        Waiting<T, R> next;
        while (taken.size() < largest && (next = waiting.poll()) != null) {
            taken.add(next);
        }
        return taken;
    }

    private void run(List<Waiting<T, R>> taken) {
        try {
            List<R> results = batch.apply(taken.stream().map(w -> w.item).toList());
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).finish(results.get(i), null);
            }
        } catch (RuntimeException e) {
            if (taken.size() == 1) {
                taken.get(0).finish(null, e);
                return;
            }
            for (Waiting<T, R> one : taken) {
                run(List.of(one));
            }
        } finally {
            // An Error leaves the batch undone: its items' threads must not wait for a result that never comes.
            for (Waiting<T, R> one : taken) {
                if (!one.done) {
                    one.finish(null, new IllegalStateException("The batch was cut short"));
                }
            }
        }
    }

    /** An item and its outcome; written and read under the turn lock, which orders them. */
    private static final class Waiting<T, R> {
        final T item;
        boolean done;
        R result;
        RuntimeException failure;

        Waiting(T item) {
            this.item = item;
        }

        void finish(R result, RuntimeException failure) {
            this.result = result;
            this.failure = failure;
            this.done = true;
        }
    }
}
