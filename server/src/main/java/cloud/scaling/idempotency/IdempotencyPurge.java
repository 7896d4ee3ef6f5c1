package cloud.scaling.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Forgets idempotency keys past their replay window, every ten minutes, in batches so that a large backlog never
 * holds one long transaction. A key is only ever looked up within the window, so nothing observable changes.
 */
@Factory
public class IdempotencyPurge {

    static final String TASK = "idempotency-purge";
    private static final int BATCH = 5_000;

    private final IdempotencyRepository keys;
    private final Clock clock;

    public IdempotencyPurge(IdempotencyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Singleton
    RecurringTask<Void> idempotencyPurgeTask() {
        return Tasks.recurring(TASK, FixedDelay.ofMinutes(10)).execute((instance, context) -> purgeExpired());
    }

    /** Deletes every key created before the replay window; returns how many. */
    public long purgeExpired() {
        Instant cutoff = clock.instant().minus(Idempotency.REPLAY_WINDOW);
        long total = 0;
        long deleted;
        do {
            deleted = keys.deleteCreatedBefore(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
