package cloud.scaling.idempotency;

import cloud.scaling.auth.Caller;
import cloud.scaling.shared.Hashing;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes a POST safe to retry with an {@code Idempotency-Key}: the first request with a key does the work and
 * its successful response is remembered, in the same transaction as the work itself, so that a retry replays
 * it instead of doing the work twice. Failed requests are forgotten, so their retries do the work.
 */
@Singleton
public class Idempotency {

    /** How long a successful response is replayed. */
    static final Duration REPLAY_WINDOW = Duration.ofHours(24);
    /** A claim older than this without a response belongs to a request that died; a retry may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final IdempotencyRepository keys;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;

    public Idempotency(
            IdempotencyRepository keys, TransactionOperations<Connection> transactions, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code work} once per key: {@code body} is the request's bound body (null for none), which with the
     * method and path tells the same request from another one reusing the key.
     */
    public <T> HttpResponse<T> once(
            Caller caller, @Nullable String key, @Nullable Object body, Supplier<HttpResponse<T>> work) {
        if (key == null) {
            return work.get();
        }
        String id = caller.orgId() + ":" + key;
        String fingerprint = fingerprint(body);
        Optional<HttpResponse<T>> replay = claim(id, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            return transactions.executeWrite(status -> {
                HttpResponse<T> response = work.get();
                if (response.getStatus().getCode() < 300) {
                    keys.complete(id, response.getStatus().getCode(), write(response.body()));
                }
                return response;
            });
        } catch (RuntimeException failed) {
            keys.release(id);
            throw failed;
        }
    }

    /** Claims the key for this request, or answers the replay, or refuses a reuse or a request in flight. */
    private <T> Optional<HttpResponse<T>> claim(String id, String fingerprint) {
        Instant now = clock.instant();
        if (keys.claim(id, fingerprint, now) == 1) {
            return Optional.empty();
        }
        IdempotencyRecord held = keys.findById(id).orElse(null);
        if (held == null) {
            // Released between our insert and our read: claim it again.
            return claim(id, fingerprint);
        }
        boolean expired = held.createdAt()
                .plus(held.isComplete() ? REPLAY_WINDOW : ABANDONED_AFTER)
                .isBefore(now);
        if (expired) {
            if (keys.takeOver(id, fingerprint, now, held.createdAt()) == 1) {
                return Optional.empty();
            }
            throw inUse();
        }
        if (!held.isComplete()) {
            throw inUse();
        }
        if (!held.fingerprint().equals(fingerprint)) {
            throw new ApiException(Problem.badRequest(
                    "idempotency_key_reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request."));
        }
        return Optional.of(replay(held));
    }

    private String fingerprint(@Nullable Object body) {
        HttpRequest<?> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("Idempotency needs the current request"));
        return Hashing.sha256Hex(request.getMethodName() + " " + request.getPath() + "\n" + write(body));
    }

    private static ApiException inUse() {
        return new ApiException(new Problem(
                HttpStatus.CONFLICT,
                "idempotency_key_in_use",
                "A request with this Idempotency-Key is still being processed; retry in a moment."));
    }

    private String write(@Nullable Object value) {
        try {
            return value == null ? "" : json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stored response exactly as it went out: bytes, not a model read back through today's generated class,
     * so a replay after an upgrade still answers what the first request was answered.
     */
    @SuppressWarnings("unchecked")
    private static <T> HttpResponse<T> replay(IdempotencyRecord held) {
        HttpResponse<byte[]> replay = HttpResponse.<byte[]>status(HttpStatus.valueOf(held.statusCode()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(held.responseBody().getBytes(StandardCharsets.UTF_8));
        return (HttpResponse<T>) (HttpResponse<?>) replay;
    }
}
