package cloud.scaling.shared;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads done once per transaction: a batch that opens a hundred incidents, or runs a burst of escalation steps,
 * reads each policy and each organization's webhook receivers once instead of once per incident. Only for reads
 * that the transaction's own writes do not change; what other transactions commit meanwhile is seen by the next
 * transaction, as it would be by a read a moment earlier.
 */
@Singleton
public class TransactionMemo {

    private final TransactionScoped<Map<Object, Object>> memos;

    TransactionMemo(TransactionOperations<Connection> transactions) {
        this.memos = new TransactionScoped<>(transactions, HashMap::new, memo -> {});
    }

    /** What {@code read} answers for {@code key}, read at its first use in the current transaction. */
    @SuppressWarnings("unchecked")
    public <T> T once(Object key, Supplier<T> read) {
        Optional<Map<Object, Object>> memo = memos.current();
        if (memo.isEmpty()) {
            return read.get();
        }
        if (memo.get().containsKey(key)) {
            return (T) memo.get().get(key);
        }
        T value = read.get();
        memo.get().put(key, value);
        return value;
    }
}
