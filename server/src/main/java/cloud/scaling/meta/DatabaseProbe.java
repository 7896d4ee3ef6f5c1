package cloud.scaling.meta;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Asks the database a trivial question, through the same pool the API uses. */
@Singleton
public class DatabaseProbe {

    private final JdbcOperations jdbc;

    public DatabaseProbe(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean answers() {
        return jdbc.prepareStatement(
                "SELECT 1", statement -> statement.executeQuery().next());
    }
}
