package cloud.scaling.pager;

import cloud.scaling.incidents.IncidentService;
import cloud.scaling.orgs.Membership;
import cloud.scaling.scheduling.DurableTimers;
import cloud.scaling.shared.Combiner;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
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
    /** The most attempts started or settled in one transaction; in practice at most one per scheduler thread. */
    static final int BATCH = 64;
    /** What an attempt shows until its outcome is recorded: forever, when the server died while sending. */
    static final String NO_OUTCOME = "No outcome recorded: the server stopped during this attempt, so the mail"
            + " server may have received the message (a repeat carries the same Message-ID).";
    /** The same for a chat page: a chat has no message id to recognise a repeat by. */
    static final String NO_OUTCOME_CHAT = "No outcome recorded: the server stopped during this attempt, so the chat"
            + " may have received the message (a repeat then shows twice).";

    private static final Logger LOG = LoggerFactory.getLogger(PageDelivery.class);

    private final PageRepository pages;
    private final PageAttemptRepository attempts;
    private final IncidentService incidents;
    private final Membership membership;
    private final Mailer mailer;
    private final ChatDelivery chat;
    private final PageNotices notices;
    private final TransactionOperations<Connection> transactions;
    private final DurableTimers timers;
    private final Clock clock;
    private final PagingMetrics metrics;
    private final Combiner<String, Optional<Started>> starting;
    private final Combiner<Settled, Void> settling;

    public PageDelivery(
            PageRepository pages,
            PageAttemptRepository attempts,
            IncidentService incidents,
            Membership membership,
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
        this.membership = membership;
        this.mailer = mailer;
        this.chat = chat;
        this.notices = notices;
        this.transactions = transactions;
        this.timers = timers;
        this.clock = clock;
        this.metrics = metrics;
        this.starting = new Combiner<>(this::start, BATCH);
        this.settling = new Combiner<>(this::settle, BATCH);
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
     * failure. The attempts that the scheduler's threads start at about the same time are recorded together, and
     * settled together (see {@link Combiner}); each thread sends its own message.
     */
    @Nullable
    Instant deliver(String pageId) {
        Optional<Started> prepared = starting.submit(pageId);
        if (prepared.isEmpty()) {
            return null;
        }
        Started started = prepared.get();
        PageRow page = started.page();
        PageNotice notice = started.notice();
        boolean email = PageRow.EMAIL.equals(page.channel());
        String error = null;
        boolean hopeless = email && !mailer.configured();
        try {
            if (email) {
                mailer.send(
                        started.email(),
                        PageEmail.subject(notice),
                        PageEmail.text(notice),
                        PageEmail.html(notice),
                        page.id(),
                        "incident-" + page.incidentId());
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
        PageAttemptRow recorded = started.attempt();
        settling.submit(new Settled(
                new PageAttemptRow(
                        recorded.id(),
                        page.id(),
                        recorded.attemptedAt(),
                        delivered ? "delivered" : "failed",
                        recordedError),
                status));
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
                page.incidentId(),
                page.userId(),
                page.channel(),
                attempt,
                hopeless ? attempt : MAX_ATTEMPTS,
                error,
                retryAt == null ? "given up" : "next attempt at " + retryAt);
        return retryAt;
    }

    /**
     * Starts an attempt of each of these pages that is still pending, in one transaction: records the attempt and
     * composes the notice, minting its links (committed before the message leaves: they work once it arrives).
     * Answers, in order, the started attempt of each page, or nothing for a page no longer pending.
     */
    private List<Optional<Started>> start(List<String> pageIds) {
        return transactions.executeWrite(transaction -> {
            Map<String, PageRow> found = new HashMap<>();
            pages.findByIdIn(pageIds).forEach(page -> found.put(page.id(), page));
            List<PageRow> pending = pageIds.stream()
                    .distinct()
                    .map(found::get)
                    .filter(page -> page != null && page.status() == PageStatus.PENDING)
                    .toList();
            if (pending.isEmpty()) {
                return Collections.nCopies(pageIds.size(), Optional.<Started>empty());
            }
            Map<String, String> emails =
                    membership.emails(pending.stream().map(PageRow::userId).collect(Collectors.toSet()));
            Instant now = clock.instant();
            List<PageAttemptRow> attempted = pending.stream()
                    .map(page -> new PageAttemptRow(
                            UUID.randomUUID(),
                            page.id(),
                            now,
                            "failed",
                            PageRow.EMAIL.equals(page.channel()) ? NO_OUTCOME : NO_OUTCOME_CHAT))
                    .toList();
            attempts.saveAll(attempted);
            pages.countAttempt(pending.stream().map(PageRow::id).toList());
            List<PageNotice> composed = notices.compose(
                    pending,
                    incidents.summaries(
                            pending.stream().map(PageRow::incidentId).collect(Collectors.toSet())));
            Map<String, Started> started = new HashMap<>();
            for (int i = 0; i < pending.size(); i++) {
                PageRow page = pending.get(i);
                started.put(page.id(), new Started(page, emails.get(page.userId()), attempted.get(i), composed.get(i)));
            }
            // A page handed in twice is started once: the first hand-in gets it.
            return pageIds.stream()
                    .map(id -> Optional.ofNullable(started.remove(id)))
                    .toList();
        });
    }

    /** Records the outcome of these attempts, and settles their pages, in one transaction. */
    private List<Void> settle(List<Settled> outcomes) {
        transactions.executeWrite(transaction -> {
            attempts.updateAll(outcomes.stream().map(Settled::attempt).toList());
            outcomes.stream()
                    .collect(Collectors.groupingBy(
                            Settled::status,
                            Collectors.mapping(settled -> settled.attempt().pageId(), Collectors.toList())))
                    .forEach((status, ids) -> pages.settle(ids, status));
            return null;
        });
        return Collections.nCopies(outcomes.size(), null);
    }

    /** An attempt recorded and ready to send: the page, its user's address, the attempt and what to tell them. */
    private record Started(PageRow page, @Nullable String email, PageAttemptRow attempt, PageNotice notice) {}

    /** An attempt's recorded outcome, and what it makes of its page. */
    private record Settled(PageAttemptRow attempt, PageStatus status) {}
}
