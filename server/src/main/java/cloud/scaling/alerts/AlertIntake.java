package cloud.scaling.alerts;

import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.UniqueConstraint;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a notification's alerts one by one, each in its own transaction, so that one alert's trouble never costs
 * the others. A transaction that loses the race to insert the same new firing alert (the database's unique firing
 * key refuses the twin, or times out waiting for the winner) is retried once the winner has committed, and then
 * attaches to the winner's alert. An unusable alert is recorded as rejected, said in one log line, and skipped.
 */
@Singleton
public class AlertIntake {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);
    private static final int ATTEMPTS = 5;
    private static final String FIRING_KEY_CONSTRAINT = "alerts_one_firing_per_key";
    /** H2's lock timeout, when it did not wait for the winner. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    private final AlertRecorder recorder;
    private final AlertRejectionRepository rejections;
    private final Clock clock;

    public AlertIntake(AlertRecorder recorder, AlertRejectionRepository rejections, Clock clock) {
        this.recorder = recorder;
        this.rejections = rejections;
        this.clock = clock;
    }

    /** What became of each alert of a notification from {@code source} (the ingest format), in order. */
    public List<Taken> take(IntegrationRow integration, String source, List<? extends ReceivedAlert> notification) {
        List<Taken> taken = new ArrayList<>(notification.size());
        for (int index = 0; index < notification.size(); index++) {
            ReceivedAlert received = notification.get(index);
            taken.add(
                    received instanceof IncomingAlert alert
                            ? take(integration, index, alert)
                            : reject(integration, source, index, (UnusableAlert) received));
        }
        return taken;
    }

    private Taken take(IntegrationRow integration, int index, IncomingAlert alert) {
        Taken.Recorded recorded = recordWinningTheRace(integration, alert);
        return new Taken(
                index,
                recorded.result(),
                alert.truncated(),
                recorded.alert(),
                recorded.paged(),
                recorded.notPagedReason(),
                null,
                null);
    }

    private Taken.Recorded recordWinningTheRace(IntegrationRow integration, IncomingAlert alert) {
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

    private Taken reject(IntegrationRow integration, String source, int index, UnusableAlert unusable) {
        AlertRejectionRow row = rejections.save(new AlertRejectionRow(
                RandomIds.prefixed("arj"),
                integration.orgId(),
                integration.id(),
                source,
                index,
                unusable.code(),
                unusable.message(),
                unusable.excerpt(),
                clock.instant()));
        LOG.warn(
                "Alert {} of a notification from {} to integration {} rejected ({}): {} Recorded as {}.",
                index,
                source,
                integration.id(),
                unusable.code(),
                unusable.message(),
                row.id());
        return new Taken(
                index, Taken.Result.REJECTED, false, null, false, Taken.REJECTED, unusable.code(), unusable.message());
    }

    /** Only the twin refused by the firing key (or H2 timing out behind it) is a lost race; anything else is not. */
    private static boolean lostTheRace(Throwable failure) {
        return UniqueConstraint.refused(failure, FIRING_KEY_CONSTRAINT)
                || H2_LOCK_TIMEOUT.equals(UniqueConstraint.sqlState(failure));
    }
}
