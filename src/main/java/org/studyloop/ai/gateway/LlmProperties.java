package org.studyloop.ai.gateway;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language model endpoint under {@code studyloop.llm} (docs/ai.md). An empty base URL, the
 * default, means no model: every call falls back.
 *
 * @param baseUrl an OpenAI-compatible API root, {@code /chat/completions} is appended (e.g.
 *     {@code https://api.openai.com/v1}, {@code http://localhost:11434/v1} for Ollama)
 * @param apiKey sent as {@code Authorization: Bearer}; absent for local servers that need none
 * @param model the model name the endpoint knows
 * @param headers extra headers sent with every call (an Azure {@code api-key}, a gateway's tenant)
 * @param timeout the time limit of one attempt of a call (connecting included), and of a stream's
 *     first token
 * @param streamStall a stream with no token for this long is cancelled
 * @param retry retries of a failed attempt (not for streams, whose partials are already out)
 * @param circuitBreaker when to stop calling a failing endpoint, and when to try it again
 * @param pricePer1kInputTokens the estimated cost of 1,000 prompt tokens, in the operator's currency
 * @param pricePer1kOutputTokens the estimated cost of 1,000 reply tokens
 * @param defaultPlan the plan of every user until billing assigns plans (see {@code ConfiguredPlans})
 * @param plans each plan's quota, by name; none configured means no quota
 */
@ConfigurationProperties("studyloop.llm")
public record LlmProperties(
        @Nullable String baseUrl,
        @Nullable String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        @DefaultValue Map<String, String> headers,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("15s") Duration streamStall,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue("0") double pricePer1kInputTokens,
        @DefaultValue("0") double pricePer1kOutputTokens,
        @DefaultValue("free") String defaultPlan,
        @DefaultValue Map<String, Plan> plans) {

    public LlmProperties {
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        headers = Map.copyOf(headers);
        plans = Map.copyOf(plans);
        if (timeout.isNegative() || timeout.isZero() || streamStall.isNegative() || streamStall.isZero()) {
            throw new IllegalArgumentException("studyloop.llm.timeout and stream-stall must be positive");
        }
        if (pricePer1kInputTokens < 0 || pricePer1kOutputTokens < 0) {
            throw new IllegalArgumentException("studyloop.llm.price-per-1k-*-tokens must not be negative");
        }
        if (!plans.isEmpty() && !plans.containsKey(defaultPlan)) {
            throw new IllegalArgumentException(
                    "studyloop.llm.default-plan '" + defaultPlan + "' is not one of studyloop.llm.plans");
        }
    }

    /** Without the key or the headers' values, which may be secrets too. */
    @Override
    public String toString() {
        return "LlmProperties[baseUrl=%s, apiKey=%s, model=%s, headers=%s, timeout=%s, streamStall=%s, retry=%s, circuitBreaker=%s, defaultPlan=%s, plans=%s]"
                .formatted(
                        baseUrl,
                        apiKey == null ? "none" : "***",
                        model,
                        headers.keySet(),
                        timeout,
                        streamStall,
                        retry,
                        circuitBreaker,
                        defaultPlan,
                        plans);
    }

    /** The plan of that name, or the default plan; empty when no plans are configured (no quota). */
    public java.util.Optional<Plan> plan(String name) {
        return java.util.Optional.ofNullable(plans.getOrDefault(name, plans.get(defaultPlan)));
    }

    /** Whether an endpoint is configured at all. */
    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    /** An endpoint at {@code baseUrl} with every other setting at its default, for tests and tools. */
    public static LlmProperties of(@Nullable String baseUrl) {
        return new LlmProperties(
                baseUrl,
                null,
                "gpt-4o-mini",
                Map.of(),
                Duration.ofSeconds(30),
                Duration.ofSeconds(15),
                new Retry(3, Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(8)),
                new CircuitBreaker(50, 20, 10, Duration.ofSeconds(30), 2),
                0,
                0,
                "free",
                Map.of("free", new Plan(50)));
    }

    /**
     * Exponential back-off with jitter (the "full jitter" family of Brooker, "Exponential Backoff
     * And Jitter", AWS Architecture Blog 2015): the n-th wait is {@code initialWait · multiplier^(n-1)},
     * spread by ±{@code jitter} of itself, capped at {@code maxWait}. Only 5xx, timeouts and I/O
     * errors are retried; a 4xx would fail the same way again.
     *
     * @param maxAttempts attempts in all, the first included; 1 means no retry
     */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration initialWait,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("0.5") double jitter,
            @DefaultValue("8s") Duration maxWait) {

        public Retry {
            if (maxAttempts < 1 || multiplier < 1 || jitter < 0 || jitter >= 1) {
                throw new IllegalArgumentException(
                        "studyloop.llm.retry: max-attempts ≥ 1, multiplier ≥ 1 and jitter in [0, 1) please");
            }
        }
    }

    /**
     * A count-based circuit breaker: over the last {@code window} attempts (once at least {@code
     * minimumCalls} were made), a failure rate of {@code failureRatePercent} or more opens it; open,
     * every call falls back at once; after {@code waitInOpen} the next calls are {@code probes}
     * trial attempts, whose success closes it again and whose failure opens it anew.
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRatePercent,
            @DefaultValue("20") int window,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("30s") Duration waitInOpen,
            @DefaultValue("2") int probes) {

        public CircuitBreaker {
            if (failureRatePercent <= 0 || failureRatePercent > 100 || window < 1 || minimumCalls < 1 || probes < 1) {
                throw new IllegalArgumentException("studyloop.llm.circuit-breaker: invalid window or rate");
            }
        }
    }

    /**
     * A plan's allowance.
     *
     * @param dailyMessages calls a user of the plan may make per UTC day, over all features; 0 for
     *     none, a negative number for no limit
     */
    public record Plan(@DefaultValue("50") int dailyMessages) {

        public boolean unlimited() {
            return dailyMessages < 0;
        }

        public boolean allows(long messagesToday) {
            return unlimited() || messagesToday < dailyMessages;
        }
    }
}
