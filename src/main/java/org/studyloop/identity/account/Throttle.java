package org.studyloop.identity.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * Token buckets (Bucket4j) per client address and per account, kept in memory for an hour after
 * last use. One instance counts alone; several instances behind a balancer each count their own,
 * which DESIGN.md's scale path moves to Redis.
 */
@Component
public class Throttle {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    /** Takes one token for {@code key}, or refuses with a 429 problem saying when to come back. */
    public void take(String key, int capacity, Duration period, String what) {
        var probe = bucket(key, capacity, period).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(Duration.ofNanos(probe.getNanosToWaitForRefill()), what);
        }
    }

    /** Refuses when no token is left, without taking one. */
    public void check(String key, int capacity, Duration period, String what) {
        var bucket = bucket(key, capacity, period);
        if (bucket.getAvailableTokens() <= 0) {
            throw tooMany(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()), what);
        }
    }

    /** Takes one token if there is one; for counting failures after the fact. */
    public void record(String key, int capacity, Duration period) {
        bucket(key, capacity, period).tryConsume(1);
    }

    private Bucket bucket(String key, int capacity, Duration period) {
        return buckets.get(
                key + "|" + capacity + "/" + period,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillIntervally(capacity, period)
                                .build())
                        .build());
    }

    public static ProblemException tooMany(Duration wait, String what) {
        var seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ProblemException(
                ProblemType.TOO_MANY_REQUESTS,
                what + " Try again in " + seconds + " seconds.",
                java.util.List.of(),
                Map.of("retryAfterSeconds", seconds));
    }
}
