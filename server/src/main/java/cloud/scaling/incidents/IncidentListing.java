package cloud.scaling.incidents;

import cloud.scaling.pagination.CursorPosition;
import cloud.scaling.shared.WireEnum;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keyset paging over an organization's incidents, newest first. Each filter adds an equality or range
 * predicate that the indexes {@code (org_id[, status|severity], created_at DESC, id DESC)} serve, and the
 * position is a row-value comparison, so that page 1,000 costs what page 1 costs.
 */
@Singleton
public class IncidentListing {

    private static final CursorPosition BEYOND_LAST =
            new CursorPosition(Instant.parse("9999-12-31T23:59:59.999Z"), "00000000-0000-0000-0000-000000000000");

    private final JdbcOperations jdbc;

    public IncidentListing(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} incidents after {@code after} (from the start when null). */
    public List<IncidentRow> page(String orgId, IncidentFilter filter, @Nullable CursorPosition after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM incidents WHERE org_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(orgId);
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(WireEnum.wire(filter.status()));
        }
        if (filter.severity() != null) {
            sql.append(" AND severity = ?");
            args.add(WireEnum.wire(filter.severity()));
        }
        if (filter.createdFrom() != null) {
            sql.append(" AND created_at >= ?");
            args.add(Timestamp.from(filter.createdFrom()));
        }
        // Page 1 starts after a position past any real row: with no range on created_at at all, H2 plans the
        // foreign-key index on org_id and sorts every row of the organization instead of reading 101.
        CursorPosition position = after == null ? BEYOND_LAST : after;
        // The range's end and the position both bound created_at from above. Only the tighter one is sent: given
        // both, H2 starts its index scan at the end of the range, and a deep page of a from/to query read every
        // row between the two (10,101 rows 10,000 rows in, in the benchmark's plan).
        if (filter.createdBefore() != null && !position.createdAt().isBefore(filter.createdBefore())) {
            sql.append(" AND created_at < ?");
            args.add(Timestamp.from(filter.createdBefore()));
        }
        sql.append(" AND (created_at, id) < (?, ?)");
        args.add(Timestamp.from(position.createdAt()));
        args.add(UUID.fromString(position.id()));
        // The equality columns lead the ORDER BY although they are constant: H2 only reads an index in order
        // (and stops after LIMIT rows) when the ORDER BY starts with the index's leading columns. PostgreSQL
        // needs no such help; the order is the same either way.
        String equalityColumns =
                filter.status() != null ? "org_id, status" : filter.severity() != null ? "org_id, severity" : "org_id";
        sql.append(" ORDER BY ").append(equalityColumns).append(", created_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                return jdbc.entityStream(rows, IncidentRow.class).toList();
            }
        });
    }

    private static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }
}
