package cloud.scaling.shared;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.exceptions.TransactionUsageException;
import io.micronaut.transaction.support.TransactionSynchronization;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State that lives exactly as long as the current transaction: made fresh on first use in a transaction, handed
 * to {@code beforeCommit} just before that transaction commits (still inside it), and dropped when it ends either
 * way. One transaction is one thread's, so the state itself needs no locking.
 *
 * @param <S> the state
 */
public final class TransactionScoped<S> {

    private final TransactionOperations<Connection> transactions;
    private final Supplier<S> fresh;
    private final Consumer<S> beforeCommit;
    /** Keyed by the connection: a method joining the transaction sees a status of its own, but the same one. */
    private final Map<Object, S> states = new ConcurrentHashMap<>();

    public TransactionScoped(
            TransactionOperations<Connection> transactions, Supplier<S> fresh, Consumer<S> beforeCommit) {
        this.transactions = transactions;
        this.fresh = fresh;
        this.beforeCommit = beforeCommit;
    }

    /** The current transaction's state; empty outside a transaction (or one that takes no synchronization). */
    public Optional<S> current() {
        Optional<? extends TransactionStatus<?>> transaction = transactions.findTransactionStatus();
        if (transaction.isEmpty()) {
            return Optional.empty();
        }
        Object connection = transaction.get().getConnection();
        S state = states.get(connection);
        if (state != null) {
            return Optional.of(state);
        }
        try {
            transaction.get().registerSynchronization(new Scope(connection));
        } catch (TransactionUsageException notSynchronized) {
            return Optional.empty();
        }
        state = fresh.get();
        states.put(connection, state);
        return Optional.of(state);
    }

    private final class Scope implements TransactionSynchronization {
        private final Object connection;

        Scope(Object connection) {
            this.connection = connection;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            S state = states.get(connection);
            if (state != null) {
                beforeCommit.accept(state);
            }
        }

        @Override
        public void afterCompletion(Status completed) {
            states.remove(connection);
        }
    }
}
