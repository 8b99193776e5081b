package org.studyloop.ai.gateway;

import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.studyloop.ai.Engine;
import org.studyloop.ai.FallbackReason;
import org.studyloop.ai.Prompt;
import org.studyloop.ai.usage.UsageLedger;

/**
 * Counts what each call used: in {@code ai.usage} per user, UTC day and feature (the quota and the
 * administrators' summary read it) and as Micrometer counters {@code studyloop.ai.calls} (by
 * feature, kind and engine), {@code studyloop.ai.fallbacks} (by feature and reason) and {@code
 * studyloop.ai.tokens} (by feature and direction). Calls with no endpoint configured touch only the
 * counters: the embedded default writes nothing per call.
 */
final class Metering {

    private final LlmProperties properties;
    private final Plans plans;
    private final UsageLedger ledger;
    private final MeterRegistry registry;
    private final Clock clock;

    Metering(LlmProperties properties, Plans plans, UsageLedger ledger, MeterRegistry registry, Clock clock) {
        this.properties = properties;
        this.plans = plans;
        this.ledger = ledger;
        this.registry = registry;
        this.clock = clock;
    }

    /** Whether the user may send another message today under their plan's quota. */
    boolean withinQuota(Prompt prompt) {
        var plan = properties.plan(plans.planOf(prompt.user()));
        if (plan.isEmpty() || plan.get().unlimited()) {
            return true;
        }
        return plan.get().allows(ledger.messagesOn(prompt.user(), today()));
    }

    /** Tokens as the endpoint counted them, else estimated at four characters a token. */
    Tokens tokens(Prompt prompt, String reply, @Nullable TokenUsage usage) {
        var input = usage == null ? null : usage.inputTokenCount();
        var output = usage == null ? null : usage.outputTokenCount();
        return new Tokens(
                input != null ? input : estimate(promptLength(prompt)),
                output != null ? output : estimate(reply.length()));
    }

    void answered(Prompt prompt, String kind, int messages, Tokens tokens) {
        var cost = BigDecimal.valueOf(properties.pricePer1kInputTokens())
                .multiply(BigDecimal.valueOf(tokens.input()))
                .add(BigDecimal.valueOf(properties.pricePer1kOutputTokens())
                        .multiply(BigDecimal.valueOf(tokens.output())))
                .movePointLeft(3);
        ledger.record(
                prompt.user(),
                today(),
                prompt.feature(),
                UsageLedger.Use.answered(messages, tokens.input(), tokens.output(), cost));
        calls(prompt, kind, Engine.LLM).increment();
        token(prompt, "input").increment(tokens.input());
        token(prompt, "output").increment(tokens.output());
    }

    /** One message against the quota with no call of its own (a set of samples). */
    void countMessage(Prompt prompt) {
        ledger.record(prompt.user(), today(), prompt.feature(), UsageLedger.Use.message());
    }

    void fellBack(Prompt prompt, String kind, FallbackReason reason) {
        if (reason != FallbackReason.NOT_CONFIGURED) {
            ledger.record(prompt.user(), today(), prompt.feature(), UsageLedger.Use.fellBack());
        }
        calls(prompt, kind, Engine.FALLBACK).increment();
        Counter.builder("studyloop.ai.fallbacks")
                .description("Language model calls answered with the fallback, by reason")
                .tag("feature", prompt.feature())
                .tag("reason", reason.name().toLowerCase())
                .register(registry)
                .increment();
    }

    private Counter calls(Prompt prompt, String kind, Engine engine) {
        return Counter.builder("studyloop.ai.calls")
                .description("Language model calls by feature, kind and the engine that answered")
                .tag("feature", prompt.feature())
                .tag("kind", kind)
                .tag("engine", engine.name())
                .register(registry);
    }

    private Counter token(Prompt prompt, String direction) {
        return Counter.builder("studyloop.ai.tokens")
                .description("Tokens sent to and received from the language model")
                .tag("feature", prompt.feature())
                .tag("direction", direction)
                .register(registry);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static int promptLength(Prompt prompt) {
        return prompt.system().length()
                + prompt.turns().stream().mapToInt(turn -> turn.text().length()).sum();
    }

    /** OpenAI's rule of thumb for English: a token is about four characters. */
    private static int estimate(int characters) {
        return (characters + 3) / 4;
    }

    record Tokens(int input, int output) {}
}
