package org.studyloop.ai.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Resilience4j around every call to the endpoint, in its usual order (retry outside the circuit
 * breaker outside the time limit): each attempt runs on a virtual thread under a time limit and is
 * interrupted when over it; each attempt's outcome feeds the circuit breaker, so an open circuit
 * refuses the retries too ({@link CallNotPermittedException} is never retried). The breaker reads
 * the application's clock, so tests move past its wait instead of sleeping.
 */
final class CallPolicy implements AutoCloseable {

    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter limiter;
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private final Clock clock;
    private final Duration waitInOpen;
    private volatile Instant openedAt = Instant.MIN;

    CallPolicy(LlmProperties properties, Clock clock) {
        var circuit = properties.circuitBreaker();
        this.clock = clock;
        this.waitInOpen = circuit.waitInOpen();
        this.breaker = CircuitBreaker.of(
                "llm",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(circuit.window())
                        .minimumNumberOfCalls(circuit.minimumCalls())
                        .failureRateThreshold(circuit.failureRatePercent())
                        .waitDurationInOpenState(circuit.waitInOpen())
                        .permittedNumberOfCallsInHalfOpenState(circuit.probes())
                        .recordException(Failures::endpointsFault)
                        .clock(clock)
                        .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
            }
        });
        var backOff = properties.retry();
        this.retry = Retry.of(
                "llm",
                RetryConfig.custom()
                        .maxAttempts(backOff.maxAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                                backOff.initialWait(), backOff.multiplier(), backOff.jitter(), backOff.maxWait()))
                        .retryOnException(Failures::retryable)
                        .build());
        this.limiter = TimeLimiter.of(
                "llm",
                TimeLimiterConfig.custom()
                        .timeoutDuration(properties.timeout())
                        .cancelRunningFuture(true)
                        .build());
    }

    /** The call with retries, circuit breaker and time limit; throws the last attempt's failure. */
    <T> T call(Callable<T> attempt) throws Exception {
        Callable<T> limited = () -> limiter.executeFutureSupplier(() -> attempts.submit(attempt));
        return Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(breaker, limited))
                .call();
    }

    /** The circuit breaker alone, for streams: no retry once partial text has gone out. */
    CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * Whether a call may go through: the circuit is closed or half-open, or open but past its wait
     * (Resilience4j moves it to half-open only when the next call asks, so a caller that asked
     * this first and then stayed away would otherwise keep it open for ever).
     */
    boolean permits() {
        return switch (breaker.getState()) {
            case CLOSED, HALF_OPEN, DISABLED, METRICS_ONLY -> true;
            case OPEN -> !clock.instant().isBefore(openedAt.plus(waitInOpen));
            case FORCED_OPEN -> false;
        };
    }

    @Override
    public void close() {
        attempts.shutdownNow();
    }
}
