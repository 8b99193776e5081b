package org.studyloop.classroom.guardians;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.studyloop.identity.UserId;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * Caps the wrong guardian codes an account may try: a code is all that stands between a stranger
 * and a child's data, and anyone can register as a parent. With 31^10 codes guessing is already
 * hopeless; the cap keeps it so however many codes are live at once. Ten failures, refilled one
 * every six minutes, leave room for typing mistakes (NIST SP 800-63B §5.2.2 asks verifiers to
 * limit failed attempts). Token buckets (Bucket4j) kept in memory: one instance counts alone, and
 * several behind a balancer each count their own until DESIGN.md's scale path moves them to Redis.
 */
@Component
class RedemptionLimit {

    static final int FAILURES_PER_HOUR = 10;

    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    /** Refuses with a 429 problem when the account has no wrong guess left. */
    void check(UserId guardian) {
        var bucket = bucket(guardian);
        if (bucket.getAvailableTokens() <= 0) {
            var wait = Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
            var seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ProblemException(
                    ProblemType.TOO_MANY_REQUESTS,
                    "Too many wrong codes. Try again in " + seconds + " seconds.",
                    List.of(),
                    Map.of("retryAfterSeconds", seconds));
        }
    }

    void failed(UserId guardian) {
        bucket(guardian).tryConsume(1);
    }

    private Bucket bucket(UserId guardian) {
        return buckets.get(
                guardian.value(),
                id -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(FAILURES_PER_HOUR)
                                .refillGreedy(FAILURES_PER_HOUR, Duration.ofHours(1))
                                .build())
                        .build());
    }
}
