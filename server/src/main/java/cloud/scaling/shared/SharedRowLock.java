package cloud.scaling.shared;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A row lock that writers naming the row share among themselves and that the row's delete waits for (and makes
 * them wait for), held until the transaction ends: for writes that many requests make at once and that must never
 * name a row deleted meanwhile. PostgreSQL has {@code FOR SHARE}; H2 has only {@code FOR UPDATE}, so there such
 * writers take their turns (H2 serves one server process anyway).
 */
@Singleton
public class SharedRowLock {

    private final JdbcOperations jdbc;
    private final TransactionMemo memo;
    private volatile String clause;

    public SharedRowLock(JdbcOperations jdbc, TransactionMemo memo) {
        this.jdbc = jdbc;
        this.memo = memo;
    }

    /**
     * Locks the row of {@code table} (a constant of the caller, never input) with this id; false when there is no
     * such row, or no longer is once a delete under way commits. Call it inside the writing transaction.
     */
    public boolean lock(String table, String id) {
        // A lock taken is held to the end of the transaction: taking it again would answer the same.
        return memo.once(new Locked(table, null, Set.of(id)), () -> lockNow(table, id));
    }

    private boolean lockNow(String table, String id) {
        String sql = "SELECT id FROM " + table + " WHERE id = ? " + clause();
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    /**
     * Locks the organization's rows of {@code table} with these ids, in id order (two such callers never
     * deadlock), and answers the ids found.
     */
    public Set<String> lockAll(String table, String orgId, Collection<String> ids) {
        return memo.once(new Locked(table, orgId, Set.copyOf(ids)), () -> lockAllNow(table, orgId, ids));
    }

    private Set<String> lockAllNow(String table, String orgId, Collection<String> ids) {
        StringJoiner marks = new StringJoiner(", ", "(", ")");
        ids.forEach(id -> marks.add("?"));
        String sql = "SELECT id FROM " + table + " WHERE org_id = ? AND id IN " + marks + " ORDER BY id " + clause();
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, orgId);
            int position = 2;
            for (String id : ids) {
                statement.setString(position++, id);
            }
            Set<String> found = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        });
    }

    /** The rows of one lock call, remembered for the transaction holding them. */
    private record Locked(String table, String orgId, Set<String> ids) {}

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
