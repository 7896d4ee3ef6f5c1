package cloud.scaling.pager;

import cloud.scaling.incidents.IncidentRepository;
import cloud.scaling.incidents.IncidentRow;
import cloud.scaling.orgs.User;
import cloud.scaling.orgs.UserRepository;
import cloud.scaling.scheduling.DurableTimers;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers pages: one durable job per page, run after the commit that paged. Sending happens outside any
 * transaction (a slow mail server holds no lock); each attempt is recorded; a failed one is tried again with
 * exponential backoff, up to {@link #MAX_ATTEMPTS}, after which the page is {@code failed}. A dead mail server
 * therefore never blocks an incident change nor escalation, and other channels (webhooks) are unaffected. Chat
 * pages (Slack, Teams) go the same way, each to its own contact method, through {@link ChatDelivery}.
 */
@Factory
public class PageDelivery {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("page-delivery");
    static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final int LONGEST_ERROR = 1000;
    /** What an attempt shows until its outcome is recorded: forever, when the server died while sending. */
    static final String NO_OUTCOME = "No outcome recorded: the server stopped during this attempt, so the mail"
            + " server may have received the message (a repeat carries the same Message-ID).";
    /** The same for a chat page: a chat has no message id to recognise a repeat by. */
    static final String NO_OUTCOME_CHAT = "No outcome recorded: the server stopped during this attempt, so the chat"
            + " may have received the message (a repeat then shows twice).";

    private static final Logger LOG = LoggerFactory.getLogger(PageDelivery.class);

    private final PageRepository pages;
    private final PageAttemptRepository attempts;
    private final IncidentRepository incidents;
    private final UserRepository users;
    private final Mailer mailer;
    private final ChatDelivery chat;
    private final PageNotices notices;
    private final TransactionOperations<Connection> transactions;
    private final DurableTimers timers;
    private final Clock clock;
    private final PagingMetrics metrics;

    public PageDelivery(
            PageRepository pages,
            PageAttemptRepository attempts,
            IncidentRepository incidents,
            UserRepository users,
            Mailer mailer,
            ChatDelivery chat,
            PageNotices notices,
            TransactionOperations<Connection> transactions,
            DurableTimers timers,
            Clock clock,
            PagingMetrics metrics) {
        this.pages = pages;
        this.attempts = attempts;
        this.incidents = incidents;
        this.users = users;
        this.mailer = mailer;
        this.chat = chat;
        this.notices = notices;
        this.transactions = transactions;
        this.timers = timers;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * A failed attempt reschedules the page itself (no exception: a mail server being down is expected, and the
     * scheduler would log it as an unhandled error with its stack trace); the failure handler is only for the
     * unexpected, such as the database failing mid-attempt.
     */
    @Singleton
    CustomTask<Void> pageDeliveryTask() {
        return Tasks.custom(TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY, 2.0))
                .execute((instance, context) -> {
                    Instant retryAt = deliver(instance.getId());
                    return retryAt == null
                            ? new CompletionHandler.OnCompleteRemove<>()
                            : (complete, operations) -> operations.reschedule(complete, retryAt);
                });
    }

    @Singleton
    OneTimeTask<Void> escalationStepTask(Escalations escalations) {
        return Tasks.oneTime(Escalations.STEP).execute((instance, context) -> {
            metrics.stepRuns(context.getExecution().executionTime);
            String[] parts = instance.getId().split("/", 2);
            escalations.stepDue(UUID.fromString(parts[0]), Integer.parseInt(parts[1]));
        });
    }

    /** A page was recorded: once its transaction commits, deliver it now rather than at the next poll. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onPaged(PagerEvent.Paged paged) {
        timers.runDueWorkSoon();
    }

    /**
     * One attempt to deliver the page. The attempt is recorded before the message is handed to the mail server,
     * so that a send cut short by a crash still shows on the page (as failed, with no outcome) when another server
     * makes the next attempt; both carry the page's Message-ID, so a mail client shows the repeat as one message.
     * When it failed and attempts remain, answers when to try again: after 30 s, then twice as long after each
     * failure.
     */
    @Nullable
    Instant deliver(String pageId) {
        PageRow page = pages.findById(pageId).orElse(null);
        if (page == null || page.status() != PageStatus.PENDING) {
            return null;
        }
        IncidentRow incident = incidents.findById(page.incidentId()).orElseThrow();
        User user = users.findByIdIn(java.util.List.of(page.userId())).get(0);
        boolean email = PageRow.EMAIL.equals(page.channel());
        PageAttemptRow started = new PageAttemptRow(
                UUID.randomUUID(), page.id(), clock.instant(), "failed", email ? NO_OUTCOME : NO_OUTCOME_CHAT);
        // Each attempt mints its own links, committed before the message leaves: they work once it arrives.
        PageNotice notice = transactions.executeWrite(status -> {
            attempts.save(started);
            pages.countAttempt(page.id());
            return notices.compose(page, incident);
        });
        String error = null;
        boolean hopeless = email && !mailer.configured();
        try {
            if (email) {
                mailer.send(
                        user.email(),
                        PageEmail.subject(notice),
                        PageEmail.text(notice),
                        PageEmail.html(notice),
                        page.id(),
                        "incident-" + incident.id());
            } else {
                chat.send(page, notice);
            }
        } catch (ChatDelivery.Undeliverable e) {
            error = e.getMessage();
            hopeless = true;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        boolean delivered = error == null;
        int attempt = page.attempts() + 1;
        boolean lastAttempt = attempt >= MAX_ATTEMPTS || hopeless;
        PageStatus status = delivered ? PageStatus.DELIVERED : lastAttempt ? PageStatus.FAILED : PageStatus.PENDING;
        String recordedError = error == null ? null : error.substring(0, Math.min(error.length(), LONGEST_ERROR));
        transactions.executeWrite(transaction -> {
            attempts.update(new PageAttemptRow(
                    started.id(), page.id(), started.attemptedAt(), delivered ? "delivered" : "failed", recordedError));
            pages.settle(page.id(), status);
            return null;
        });
        metrics.attempted(page, status);
        if (delivered) {
            return null;
        }
        Instant retryAt = status == PageStatus.PENDING
                ? clock.instant().plus(FIRST_RETRY.multipliedBy(1L << (attempt - 1)))
                : null;
        // One line per failed attempt, without a stack trace: the cause is the mail server's, not a bug here.
        LOG.warn(
                "Page {} of incident {} to {} by {} failed (attempt {} of {}): {}; {}",
                page.id(),
                incident.id(),
                user.id(),
                page.channel(),
                attempt,
                hopeless ? attempt : MAX_ATTEMPTS,
                error,
                retryAt == null ? "given up" : "next attempt at " + retryAt);
        return retryAt;
    }
}
