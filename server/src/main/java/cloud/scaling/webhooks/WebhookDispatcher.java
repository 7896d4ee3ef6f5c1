package cloud.scaling.webhooks;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox. Every server process runs its own dispatch loop (there is no cluster-wide job whose holder's
 * death would stall every webhook), woken right after each commit that queued deliveries and polling as a safety
 * net: each run claims due deliveries (a batch of compare-and-set updates, one round trip), sends them concurrently with no
 * database transaction open, records every attempt, and reschedules failures along {@link #RETRY_DELAYS}; after the
 * last one a delivery is {@code failed}. Claims are compare-and-set updates under a lease, so two servers never send
 * the same attempt twice, and an attempt cut short by a crash is made again, by any server, once the lease ends.
 */
@Singleton
public class WebhookDispatcher implements ApplicationEventListener<ServerStartupEvent> {

    static final List<Duration> RETRY_DELAYS = List.of(
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            Duration.ofHours(6));
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Three times the longest an attempt takes (its timeout covers connecting too), so that a lease only runs out
     * on a server that died mid-attempt (or stalled for that long; the receiver then sees the webhook-id twice):
     * a dead server's claims are due again after this, and another server sends them at its next poll.
     */
    static final Duration LEASE = TIMEOUT.multipliedBy(3);

    private static final int BATCH = 50;
    private static final int MAX_BATCHES_PER_RUN = 20;
    private static final int MAX_ERROR_LENGTH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAttemptRepository attempts;
    private final WebhookSecrets secrets;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration pollInterval;
    private final boolean enabled;
    /** This process's dispatch loop; one thread, so runs never overlap here (other servers' runs may). */
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-dispatch");
        thread.setDaemon(true);
        return thread;
    });
    /** Whether a run is already queued on the loop, so that a burst of commits wakes it once, not once each. */
    private final AtomicBoolean woken = new AtomicBoolean();

    private final WebhookMetrics metrics;
    private final WebhookClaims claims;
    /**
     * Built on the first delivery, not with the server: building one loads the JDK's TLS stack and trust store,
     * about a tenth of a second of every start, most of them on servers with no webhook endpoint at all.
     */
    private final Supplier<HttpClient> http = SupplierUtil.memoized(() -> HttpClient.newBuilder()
            // Plain HTTP/1.1: the default asks every http:// receiver to upgrade to h2c, which some servers refuse.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());

    public WebhookDispatcher(
            WebhookEndpointRepository endpoints,
            WebhookDeliveryRepository deliveries,
            WebhookAttemptRepository attempts,
            WebhookSecrets secrets,
            TransactionOperations<Connection> transactions,
            Clock clock,
            @Value("${scaling.webhooks.poll-interval:5s}") Duration pollInterval,
            @Value("${scaling.scheduler.enabled:true}") boolean enabled,
            WebhookMetrics metrics,
            WebhookClaims claims) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.enabled = enabled;
        this.metrics = metrics;
        this.claims = claims;
    }

    /** Starts this process's loop with the HTTP server (off, like the job scheduler, in tests that run it). */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (enabled) {
            loop.scheduleWithFixedDelay(
                    this::deliverDueLogged, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        loop.shutdown();
        // An attempt in flight gets its timeout to finish and be recorded; one cut off is made again later.
        loop.awaitTermination(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    /**
     * Deliveries were queued: once their transaction commits, send them now (within milliseconds) rather than at
     * the next poll, which stays as the safety net (for a server that died before it sent them, say).
     */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onQueued(WebhooksQueued queued) {
        if (enabled && woken.compareAndSet(false, true)) {
            try {
                loop.execute(() -> {
                    woken.set(false);
                    deliverDueLogged();
                });
            } catch (RejectedExecutionException stopping) {
                // The server is stopping: the next server to poll sends them.
            }
        }
    }

    private void deliverDueLogged() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // A failed run (the database away, say) must not end the loop: the next one tries again.
            LOG.warn("Webhook dispatch failed: {}", e.toString());
        }
    }

    /** Sends every delivery due now (up to a bound per run; the rest wait for the next run); returns how many. */
    public int deliverDue() {
        int attempted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            Instant now = clock.instant();
            List<WebhookDeliveryRow> due = deliveries.due(now, BATCH);
            Instant leaseEnd = now.plus(LEASE);
            List<WebhookDeliveryRow> won = claims.claim(due, leaseEnd);
            Map<String, WebhookEndpointRow> receivers = new HashMap<>();
            endpoints
                    .findByIdIn(won.stream().map(WebhookDeliveryRow::endpointId).collect(Collectors.toSet()))
                    .forEach(endpoint -> receivers.put(endpoint.id(), endpoint));
            List<CompletableFuture<Void>> sending = won.stream()
                    .map(row -> claimed(row, leaseEnd, receivers.get(row.endpointId()), now))
                    .filter(Objects::nonNull)
                    .map(this::send)
                    .toList();
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
            attempted += sending.size();
            if (due.size() < BATCH) {
                break;
            }
        }
        return attempted;
    }

    /** A delivery this run owns until {@code leaseEnd}, with where and how to send it. */
    private record Claimed(WebhookDeliveryRow delivery, Instant leaseEnd, URI url, List<String> secrets) {}

    /** A won delivery and where to send it; null when its endpoint was deleted meanwhile (and the delivery with it). */
    private @Nullable Claimed claimed(
            WebhookDeliveryRow row, Instant leaseEnd, @Nullable WebhookEndpointRow endpoint, Instant now) {
        return endpoint == null
                ? null
                : new Claimed(row, leaseEnd, URI.create(endpoint.url()), secrets.signing(endpoint, now));
    }

    private CompletableFuture<Void> send(Claimed claimed) {
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        String body = claimed.delivery().payload();
        long timestamp = attemptedAt.getEpochSecond();
        CompletableFuture<HttpResponse<Void>> answer;
        try {
            HttpRequest request = HttpRequest.newBuilder(claimed.url())
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Scaling-Webhooks/1")
                    .header("webhook-id", claimed.delivery().id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header(
                            "webhook-signature",
                            WebhookSigner.header(
                                    claimed.secrets(), claimed.delivery().id(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            answer = http.get()
                    .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    // A kept-alive connection the receiver closed meanwhile fails before any answer: at once on a
                    // fresh one (the failed connection is not reused), within the same attempt.
                    .exceptionallyCompose(failure -> isDroppedConnection(failure)
                            ? http.get().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            : CompletableFuture.failedFuture(failure));
        } catch (IllegalArgumentException unusableUrl) {
            answer = CompletableFuture.failedFuture(unusableUrl);
        }
        return answer.handle((response, failure) -> {
            long durationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            record(
                    claimed,
                    new WebhookAttemptRow(
                            UUID.randomUUID(),
                            claimed.delivery().id(),
                            attemptedAt,
                            response == null ? null : response.statusCode(),
                            failure == null ? null : describe(failure),
                            durationMs));
            return null;
        });
    }

    private void record(Claimed claimed, WebhookAttemptRow attempt) {
        WebhookDeliveryRow delivery = claimed.delivery();
        boolean delivered = attempt.responseStatus() != null && attempt.responseStatus() / 100 == 2;
        int failures = delivered ? delivery.failures() : delivery.failures() + 1;
        String status = delivered
                ? WebhookDeliveryRow.DELIVERED
                : failures > RETRY_DELAYS.size() ? WebhookDeliveryRow.FAILED : WebhookDeliveryRow.PENDING;
        Instant next =
                WebhookDeliveryRow.PENDING.equals(status) ? clock.instant().plus(RETRY_DELAYS.get(failures - 1)) : null;
        metrics.attempted(delivery, attempt, status, next);
        try {
            transactions.executeWrite(transaction -> {
                // Settling fails (zero rows) if the delivery was replayed meanwhile: the replay's attempt stays due.
                deliveries.settle(delivery.id(), claimed.leaseEnd(), status, failures, next);
                if (deliveries.existsById(delivery.id())) {
                    attempts.save(attempt);
                }
                return null;
            });
        } catch (RuntimeException e) {
            // The lease runs out and the attempt is made again: at least once, as documented.
            LOG.warn("Could not record the attempt of webhook delivery {}", delivery.id(), e);
        }
    }

    /** Cut off without an answer: not a timeout (waiting again would not help) nor a refused connection. */
    private static boolean isDroppedConnection(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause instanceof IOException
                && !(cause instanceof HttpTimeoutException)
                && !(cause instanceof ConnectException);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
