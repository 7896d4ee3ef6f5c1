package cloud.scaling.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * When and after how long a request is tried again. The semantics are those of the official Terraform provider's
 * client, so that this library behaves like the other real client of the API: 429, 502, 503 and 504 and timeouts
 * are retried, at most {@value #MAX_RETRIES} times; a 429's {@code Retry-After} in whole seconds is obeyed (at most
 * 60 s); otherwise the wait is a full-jitter exponential backoff, random in [0, 1 s × 2^retry], at most 30 s. A 500
 * is not retried: trying again is the caller's decision. Beyond the provider, as Stripe's client does, a
 * {@code 409 idempotency_key_in_use} is retried with the same backoff: the first attempt with that key is still in
 * flight (typically one that timed out on our side), and a retry with the key is exactly what the key exists for.
 */
final class RetryPolicy {

    static final int MAX_RETRIES = 3;

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);
    static final String KEY_IN_USE = "idempotency_key_in_use";
    private static final long MAX_RETRY_AFTER_SECONDS = 60;
    private static final long BACKOFF_BASE_MILLIS = 1_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final RandomGenerator random;

    RetryPolicy(RandomGenerator random) {
        this.random = random;
    }

    /**
     * The wait before trying again after the {@code retry}-th retry (0 for the first attempt) answered
     * {@code status} with the error {@code code} (null when the body had none), or empty when this answer is final.
     */
    Optional<Duration> delayAfterResponse(int retry, int status, HttpHeaders headers, String code) {
        boolean retryable = RETRYABLE_STATUSES.contains(status) || (status == 409 && KEY_IN_USE.equals(code));
        if (retry >= MAX_RETRIES || !retryable) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = status == 429 ? retryAfter(headers) : Optional.empty();
        return Optional.of(retryAfter.orElseGet(() -> backoff(retry)));
    }

    /** The wait before trying again after the {@code retry}-th retry timed out, or empty when it was the last. */
    Optional<Duration> delayAfterTimeout(int retry) {
        return retry >= MAX_RETRIES ? Optional.empty() : Optional.of(backoff(retry));
    }

    /** Full jitter: uniformly random up to the exponential ceiling, so that many clients do not retry in step. */
    Duration backoff(int retry) {
        // The shift is bounded so that it cannot overflow; anything past 2^5 s is capped anyway.
        long ceiling = Math.min(BACKOFF_BASE_MILLIS << Math.min(retry, 20), MAX_BACKOFF_MILLIS);
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** Only whole seconds count; an HTTP date or anything else falls back to the backoff, as in the provider. */
    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After")
                .map(String::trim)
                .filter(value -> value.matches("\\d{1,9}"))
                .map(Long::parseLong)
                .map(seconds -> Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER_SECONDS)));
    }
}
