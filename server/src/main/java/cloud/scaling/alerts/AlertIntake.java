package cloud.scaling.alerts;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Takes a delivery's alerts one by one, each in its own transaction. A transaction that loses the race to insert
 * the same new firing alert (the database's unique firing key refuses the twin, or times out waiting for the
 * winner) is retried once the winner has committed, and then attaches to the winner's alert.
 */
@Singleton
public class AlertIntake {

    private static final int ATTEMPTS = 5;

    private final AlertRecorder recorder;

    public AlertIntake(AlertRecorder recorder) {
        this.recorder = recorder;
    }

    public List<AlertRow> take(IntegrationRow integration, List<IncomingAlert> delivery) {
        return delivery.stream().map(alert -> take(integration, alert)).toList();
    }

    private AlertRow take(IntegrationRow integration, IncomingAlert alert) {
        for (int attempt = 1; ; attempt++) {
            try {
                return recorder.record(integration, alert);
            } catch (DataAccessException raceLost) {
                if (attempt == ATTEMPTS) {
                    throw raceLost;
                }
            }
        }
    }
}
