package cloud.scaling.shared;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * A row lock that writers naming the row share among themselves and that the row's delete waits for (and makes
 * them wait for), held until the transaction ends: for writes that many requests make at once and that must never
 * name a row deleted meanwhile. PostgreSQL has {@code FOR SHARE}; H2 has only {@code FOR UPDATE}, so there such
 * writers take their turns (H2 serves one server process anyway).
 */
@Singleton
public class SharedRowLock {

    private final JdbcOperations jdbc;
    private volatile String clause;

    public SharedRowLock(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the row of {@code table} (a constant of the caller, never input) with this id; false when there is no
     * such row, or no longer is once a delete under way commits. Call it inside the writing transaction.
     */
    public boolean lock(String table, String id) {
        String sql = "SELECT id FROM " + table + " WHERE id = ? " + clause();
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    private String clause() {
        if (clause == null) {
            String product = jdbc.prepareStatement(
                    "SELECT 1",
                    statement -> statement.getConnection().getMetaData().getDatabaseProductName());
            clause = "PostgreSQL".equals(product) ? "FOR SHARE" : "FOR UPDATE";
        }
        return clause;
    }
}
