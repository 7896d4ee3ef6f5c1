package cloud.scaling.oncall;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LayerRepository extends CrudRepository<LayerRow, String> {

    Optional<LayerRow> findByIdAndScheduleId(String id, String scheduleId);

    @Query("SELECT * FROM oncall_layers WHERE schedule_id = :scheduleId ORDER BY layer_position")
    List<LayerRow> listOf(String scheduleId);

    @Query("UPDATE oncall_layers SET layer_position = :position WHERE id = :id")
    void setPosition(String id, int position);
}
