package cloud.scaling.webhooks;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims a run's due deliveries in one round trip: each row's claim is still its own compare-and-set UPDATE on the
 * {@code next_attempt_at} this run read (so two servers that read the same row cannot both claim it), sent together
 * as one JDBC batch, whose per-statement counts say which rows this run won. During a storm, a claim per row and
 * round trip made the first attempts wait seconds behind one another.
 */
@Singleton
class WebhookClaims {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    WebhookClaims(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The rows of {@code due} this run now owns until {@code leaseEnd}, in order. */
    List<WebhookDeliveryRow> claim(List<WebhookDeliveryRow> due, Instant leaseEnd) {
        if (due.isEmpty()) {
            return List.of();
        }
        int[] counts = transactions.executeWrite(transaction -> jdbc.prepareStatement(
                "UPDATE webhook_deliveries SET next_attempt_at = ?"
                        + " WHERE id = ? AND status = 'pending' AND next_attempt_at = ?",
                statement -> {
                    for (WebhookDeliveryRow row : due) {
                        statement.setObject(1, OffsetDateTime.ofInstant(leaseEnd, ZoneOffset.UTC));
                        statement.setString(2, row.id());
                        statement.setObject(3, OffsetDateTime.ofInstant(row.nextAttemptAt(), ZoneOffset.UTC));
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                }));
        List<WebhookDeliveryRow> won = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            if (counts[i] == 1) {
                won.add(due.get(i));
            }
        }
        return won;
    }
}
