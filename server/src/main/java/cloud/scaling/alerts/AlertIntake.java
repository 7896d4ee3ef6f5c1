package cloud.scaling.alerts;

import cloud.scaling.shared.UniqueConstraint;
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
    private static final String FIRING_KEY_CONSTRAINT = "alerts_one_firing_per_key";
    /** H2's lock timeout, when it did not wait for the winner. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";

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
            } catch (DataAccessException failure) {
                if (attempt == ATTEMPTS || !lostTheRace(failure)) {
                    throw failure;
                }
            }
        }
    }

    /** Only the twin refused by the firing key (or H2 timing out behind it) is a lost race; anything else is not. */
    private static boolean lostTheRace(Throwable failure) {
        return UniqueConstraint.refused(failure, FIRING_KEY_CONSTRAINT)
                || H2_LOCK_TIMEOUT.equals(UniqueConstraint.sqlState(failure));
    }
}
