package cloud.scaling.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.support.TestServer;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a transaction remembers, and for how long: exactly its own lifetime. */
class TransactionMemoTest {

    private final TestServer server = TestServer.shared();
    private final TransactionMemo memo = server.context().getBean(TransactionMemo.class);
    private final TransactionOperations<Connection> transactions =
            server.context().getBean(Argument.of(TransactionOperations.class, Connection.class));
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aTransactionReadsOncePerKey() {
        transactions.executeRead(status -> {
            assertEquals(1, memo.once("a", reads::incrementAndGet));
            assertEquals(1, memo.once("a", reads::incrementAndGet));
            assertEquals(2, memo.once("b", reads::incrementAndGet));
            return null;
        });
        assertEquals(2, reads.get());
    }

    @Test
    void theNextTransactionReadsAgain() {
        transactions.executeWrite(status -> memo.once("a", reads::incrementAndGet));
        transactions.executeWrite(status -> memo.once("a", reads::incrementAndGet));
        assertEquals(2, reads.get());
    }

    @Test
    void aTransactionRolledBackLeavesNothingBehind() {
        try {
            transactions.executeWrite(status -> {
                memo.once("a", reads::incrementAndGet);
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // The memo went with the transaction.
        }
        transactions.executeWrite(status -> memo.once("a", reads::incrementAndGet));
        assertEquals(2, reads.get());
    }

    @Test
    void outsideATransactionEveryUseReads() {
        memo.once("a", reads::incrementAndGet);
        memo.once("a", reads::incrementAndGet);
        assertEquals(2, reads.get());
    }
}
