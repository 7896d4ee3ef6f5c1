import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints the rows of a stopped server's H2 database as INSERTs that run on H2 and PostgreSQL alike, for an upgrade
 * fixture (see README.md here). Tables come in foreign-key order; identity columns are left out (the database numbers
 * the rows again, in the order they were written); timestamps are UTC literals. Left out as every server makes them
 * again: Flyway's history and db-scheduler's recurring jobs; auth_revision, seeded by its migration, is an UPDATE.
 *
 * <p>{@code java -cp h2-<version>.jar Dump.java "jdbc:h2:file:/tmp/rNNNdb/scaling;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"}
 */
public class Dump {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Set<String> SKIPPED = Set.of("flyway_schema_history", "auth_revision");

    public static void main(String[] args) throws SQLException {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            for (String table : inForeignKeyOrder(connection)) {
                dump(connection, table);
            }
            try (Statement statement = connection.createStatement();
                    ResultSet revision = statement.executeQuery("SELECT revision FROM auth_revision")) {
                revision.next();
                System.out.println("UPDATE auth_revision SET revision = " + revision.getLong(1) + " WHERE id = 1;");
            }
        }
    }

    /** Every table after the tables it references (a table referencing itself keeps its rows' own order). */
    private static List<String> inForeignKeyOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Set<String>> references = new TreeMap<>();
        try (ResultSet tables = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                if (!SKIPPED.contains(table)) {
                    references.put(table, new LinkedHashSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> table : references.entrySet()) {
            try (ResultSet keys = meta.getImportedKeys(null, "public", table.getKey())) {
                while (keys.next()) {
                    String referenced = keys.getString("PKTABLE_NAME");
                    if (!referenced.equals(table.getKey()) && references.containsKey(referenced)) {
                        table.getValue().add(referenced);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < references.size()) {
            for (Map.Entry<String, Set<String>> table : references.entrySet()) {
                if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue())) {
                    ordered.add(table.getKey());
                }
            }
        }
        return ordered;
    }

    private static void dump(Connection connection, String table) throws SQLException {
        String where = table.equals("scheduled_tasks") ? " WHERE task_instance <> 'recurring'" : "";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + table + where + " ORDER BY "
                        + order(connection, table))) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Integer> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (!meta.isAutoIncrement(i)) {
                    columns.add(i);
                }
            }
            StringBuilder values = new StringBuilder();
            while (rows.next()) {
                values.append(values.isEmpty() ? "VALUES (" : ",\n       (");
                for (int k = 0; k < columns.size(); k++) {
                    values.append(k == 0 ? "" : ", ").append(literal(rows, columns.get(k), meta));
                }
                values.append(')');
            }
            if (values.isEmpty()) {
                System.out.println("-- " + table + ": no rows\n");
                return;
            }
            List<String> names = new ArrayList<>();
            columns.forEach(i -> names.add(name(meta, i)));
            System.out.println("INSERT INTO " + table + " (" + String.join(", ", names) + ")\n" + values + ";\n");
        }
    }

    /** The order rows were written in: the identity column, else created_at, then the primary key. */
    private static String order(Connection connection, String table) throws SQLException {
        List<String> order = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet none = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.isAutoIncrement(i)) {
                    order.add(name(meta, i));
                }
            }
            for (int i = 1; i <= meta.getColumnCount() && order.isEmpty(); i++) {
                if (name(meta, i).equals("created_at")) {
                    order.add("created_at");
                }
            }
        }
        try (ResultSet key = connection.getMetaData().getPrimaryKeys(null, "public", table)) {
            Map<Integer, String> columns = new TreeMap<>();
            while (key.next()) {
                columns.put(key.getInt("KEY_SEQ"), key.getString("COLUMN_NAME"));
            }
            order.addAll(columns.values());
        }
        return String.join(", ", order);
    }

    private static String name(ResultSetMetaData meta, int column) {
        try {
            return meta.getColumnName(column).toLowerCase();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String literal(ResultSet rows, int column, ResultSetMetaData meta) throws SQLException {
        Object value = rows.getObject(column);
        if (value == null) {
            return "NULL";
        }
        if (meta.getColumnTypeName(column).contains("TIME ZONE")) {
            OffsetDateTime at = rows.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
            return "TIMESTAMP WITH TIME ZONE '" + TIMESTAMP.format(at) + "+00'";
        }
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof byte[]) {
            throw new IllegalStateException("Binary data in " + name(meta, column) + ": write that row by hand");
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
