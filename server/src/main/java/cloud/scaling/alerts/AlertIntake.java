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
 * Takes a notification's alerts in batches of up to {@link #BATCH}, each in one transaction: a storm's notification
 * costs a few statements and one commit per batch rather than per alert. A batch that loses the race to insert the
 * same new firing alert as a concurrent notification (the database's unique firing key refuses the twin, or times
 * out waiting for the winner) is retried once the winner has committed, and then attaches to the winner's alerts.
 * When a batch fails otherwise, its alerts are taken one by one, each in its own transaction, so that one alert's
 * trouble never costs the others. An unusable alert is recorded as rejected, said in one log line, and skipped.
 */
@Singleton
public class AlertIntake {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);
    /** Alerts per transaction: large enough for a storm's grouped notifications, small enough to hold locks briefly. */
    static final int BATCH = 100;

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
        Taken[] taken = new Taken[notification.size()];
        List<Integer> positions = new ArrayList<>();
        List<IncomingAlert> usable = new ArrayList<>();
        for (int index = 0; index < notification.size(); index++) {
            ReceivedAlert received = notification.get(index);
            if (received instanceof IncomingAlert alert) {
                positions.add(index);
                usable.add(alert);
            } else {
                taken[index] = reject(integration, source, index, (UnusableAlert) received);
            }
        }
        for (int from = 0; from < usable.size(); from += BATCH) {
            int to = Math.min(usable.size(), from + BATCH);
            List<Taken.Recorded> recorded = recordBatch(integration, usable.subList(from, to));
            for (int i = from; i < to; i++) {
                int index = positions.get(i);
                Taken.Recorded one = recorded.get(i - from);
                taken[index] = new Taken(
                        index,
                        one.result(),
                        usable.get(i).truncated(),
                        one.alert(),
                        one.paged(),
                        one.notPagedReason(),
                        null,
                        null);
            }
        }
        return List.of(taken);
    }

    private List<Taken.Recorded> recordBatch(IntegrationRow integration, List<IncomingAlert> batch) {
        try {
            return recordWinningTheRace(integration, batch);
        } catch (DataAccessException failure) {
            if (batch.size() == 1) {
                throw failure;
            }
            // Nothing of the batch was written: each alert again, alone, so that only the troubled one fails.
            List<Taken.Recorded> recorded = new ArrayList<>(batch.size());
            for (IncomingAlert alert : batch) {
                recorded.add(recordWinningTheRace(integration, List.of(alert)).get(0));
            }
            return recorded;
        }
    }

    private List<Taken.Recorded> recordWinningTheRace(IntegrationRow integration, List<IncomingAlert> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return recorder.record(integration, batch);
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
