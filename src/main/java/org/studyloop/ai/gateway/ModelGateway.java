package org.studyloop.ai.gateway;

import dev.langchain4j.model.chat.response.ChatResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.studyloop.ai.Completion;
import org.studyloop.ai.FallbackReason;
import org.studyloop.ai.Prompt;
import org.studyloop.ai.usage.UsageLedger;

/**
 * The calls behind {@link org.studyloop.ai.LanguageModels}: the quota first, then the endpoint
 * under {@link CallPolicy}, then metering. Every failure becomes a fallback completion with its
 * {@link FallbackReason}; the log says which, with the feature and the failure's kind, never the
 * prompt or the reply (they carry students' words).
 */
public final class ModelGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelGateway.class);

    /** The most samples one call asks for: each costs a full completion. */
    public static final int MAX_SAMPLES = 16;

    /** Self-consistency needs diverse samples (Wang et al. 2023, "Self-Consistency Improves Chain of
     * Thought Reasoning in Language Models", sample at T = 0.7); a colder prompt is warmed to this. */
    static final double SAMPLING_TEMPERATURE = 0.7;

    private final Optional<Endpoint> endpoint;
    private final LlmProperties properties;
    private final CallPolicy policy;
    private final Metering metering;
    private final ExecutorService samplers = Executors.newVirtualThreadPerTaskExecutor();

    public ModelGateway(
            LlmProperties properties, Plans plans, UsageLedger ledger, MeterRegistry registry, Clock clock) {
        this.endpoint = Endpoint.of(properties);
        this.properties = properties;
        this.policy = new CallPolicy(properties, clock);
        this.metering = new Metering(properties, plans, ledger, registry, clock);
    }

    public boolean available() {
        return endpoint.isPresent() && policy.permits();
    }

    public Completion complete(Prompt prompt) {
        var refusal = refusal(prompt, "complete");
        return refusal.orElseGet(() -> call(prompt, "complete", 1));
    }

    public Completion stream(Prompt prompt, Consumer<String> onPartial) {
        var refusal = refusal(prompt, "stream");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        var breaker = policy.breaker();
        if (!breaker.tryAcquirePermission()) {
            return fellBack(prompt, "stream", FallbackReason.CIRCUIT_OPEN, null);
        }
        var started = System.nanoTime();
        try {
            var reply = new StreamedReply();
            endpoint.orElseThrow().streaming().chat(Endpoint.request(prompt), reply);
            var streamed = reply.await(onPartial, properties.timeout(), properties.streamStall());
            if (streamed.text().isEmpty()) {
                throw new Failures.MalformedReply("a stream without text");
            }
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            var tokens =
                    metering.tokens(prompt, streamed.text(), streamed.response().tokenUsage());
            metering.answered(prompt, "stream", 1, tokens);
            return Completion.of(streamed.text(), tokens.input(), tokens.output());
        } catch (StreamedReply.CallerFailed failed) {
            breaker.releasePermission();
            throw failed.getCause();
        } catch (InterruptedException interrupted) {
            // The caller is being stopped, not the endpoint failing: no mark against it.
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            return fellBack(prompt, "stream", FallbackReason.FAILED, interrupted);
        } catch (Exception failure) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
            return fellBack(prompt, "stream", Failures.reason(failure), failure);
        }
    }

    /**
     * {@code n} completions drawn independently and in parallel; those that fail drop out. The set
     * counts as one message against the quota (the first answered sample carries it).
     */
    public List<Completion> samples(Prompt prompt, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        if (n == 0 || !available() || refusal(prompt, "sample").isPresent()) {
            return List.of();
        }
        var warm = prompt.temperature() > 0
                ? prompt
                : new Prompt(
                        prompt.user(),
                        prompt.feature(),
                        prompt.system(),
                        prompt.turns(),
                        SAMPLING_TEMPERATURE,
                        prompt.maxTokens());
        var counted = new AtomicBoolean();
        var futures = IntStream.range(0, Math.min(n, MAX_SAMPLES))
                .mapToObj(i -> samplers.submit(() -> {
                    var answer = call(warm, "sample", 0);
                    if (answer.answered() && counted.compareAndSet(false, true)) {
                        metering.countMessage(warm);
                    }
                    return answer;
                }))
                .toList();
        return futures.stream()
                .map(ModelGateway::join)
                .filter(Objects::nonNull)
                .filter(Completion::answered)
                .toList();
    }

    /** The fallback owed before any call: no endpoint, or the user's quota used up. */
    private Optional<Completion> refusal(Prompt prompt, String kind) {
        if (endpoint.isEmpty()) {
            return Optional.of(fellBack(prompt, kind, FallbackReason.NOT_CONFIGURED, null));
        }
        if (!metering.withinQuota(prompt)) {
            return Optional.of(fellBack(prompt, kind, FallbackReason.QUOTA_REACHED, null));
        }
        return Optional.empty();
    }

    private Completion call(Prompt prompt, String kind, int messages) {
        var chat = endpoint.orElseThrow().chat();
        var request = Endpoint.request(prompt);
        try {
            ChatResponse response = policy.call(() -> {
                var reply = chat.chat(request);
                if (reply.aiMessage() == null
                        || reply.aiMessage().text() == null
                        || reply.aiMessage().text().isEmpty()) {
                    throw new Failures.MalformedReply("a reply without text");
                }
                return reply;
            });
            var text = response.aiMessage().text();
            var tokens = metering.tokens(prompt, text, response.tokenUsage());
            metering.answered(prompt, kind, messages, tokens);
            return Completion.of(text, tokens.input(), tokens.output());
        } catch (Exception failure) {
            return fellBack(prompt, kind, Failures.reason(failure), failure);
        }
    }

    private Completion fellBack(Prompt prompt, String kind, FallbackReason reason, @Nullable Exception failure) {
        if (failure != null && reason != FallbackReason.CIRCUIT_OPEN) {
            var status = Failures.status(failure);
            log.warn(
                    "Language model {} for {} fell back: {} ({}{})",
                    kind,
                    prompt.feature(),
                    reason.text(),
                    failure.getClass().getSimpleName(),
                    status > 0 ? ", HTTP " + status : "");
            log.debug("Language model failure", failure);
        }
        metering.fellBack(prompt, kind, reason);
        return reason.completion();
    }

    private static @Nullable Completion join(Future<Completion> sample) {
        try {
            return sample.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    @Override
    public void close() {
        samplers.shutdownNow();
        policy.close();
    }
}
