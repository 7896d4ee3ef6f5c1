package cloud.scaling.idempotency;

import cloud.scaling.auth.Caller;
import cloud.scaling.shared.Hashing;
import cloud.scaling.shared.Refusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 *
 * <p>Free of HTTP: the caller names the request (method and path) and says how to read and replay its answers;
 * {@link IdempotencyWire} does so for the controllers.
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

    /** How the caller's answers are read for storing, and rebuilt from what was stored. */
    public interface Answers<A> {

        int status(A answer);

        @Nullable
        Object body(A answer);

        /** The stored answer exactly as it went out: the status and the JSON body's text. */
        A replay(int status, String json);
    }

    /**
     * Runs {@code work} once per key: the {@code method} and {@code path} with {@code body} (the
     * request's bound body, null for none) tell the same request from another one reusing the key.
     */
    public <A> A once(
            Caller caller,
            String key,
            String method,
            String path,
            @Nullable Object body,
            Supplier<A> work,
            Answers<A> answers) {
        String id = caller.orgId() + ":" + key;
        String fingerprint = Hashing.sha256Hex(method + " " + path + "\n" + write(body));
        Optional<A> replay = claim(id, fingerprint, answers);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            return transactions.executeWrite(status -> {
                A answer = work.get();
                int code = answers.status(answer);
                if (code < 300) {
                    keys.complete(id, code, write(answers.body(answer)));
                }
                return answer;
            });
        } catch (RuntimeException failed) {
            keys.release(id);
            throw failed;
        }
    }

    /** Claims the key for this request, or answers the replay, or refuses a reuse or a request in flight. */
    private <A> Optional<A> claim(String id, String fingerprint, Answers<A> answers) {
        Instant now = clock.instant();
        if (keys.claim(id, fingerprint, now) == 1) {
            return Optional.empty();
        }
        IdempotencyRecordRow held = keys.findById(id).orElse(null);
        if (held == null) {
            // Released between our insert and our read: claim it again.
            return claim(id, fingerprint, answers);
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
            throw Refusal.badRequest(
                    "idempotency_key_reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        return Optional.of(answers.replay(held.statusCode(), held.responseBody()));
    }

    private static Refusal inUse() {
        return Refusal.conflict(
                "idempotency_key_in_use",
                "A request with this Idempotency-Key is still being processed; retry in a moment.");
    }

    private String write(@Nullable Object value) {
        try {
            return value == null ? "" : json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
