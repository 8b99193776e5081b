package org.studyloop.ai;

import java.util.Optional;

/**
 * The model's answer: its text and token counts when {@link Engine#LLM}; when {@link
 * Engine#FALLBACK}, no text and the reason (no endpoint configured, quota reached, circuit open,
 * timeout, malformed reply, ...) so that the caller can answer with its deterministic engine.
 */
public record Completion(
        Engine engine, String text, Optional<String> fallbackReason, int inputTokens, int outputTokens) {

    public static Completion fallback(String reason) {
        return new Completion(Engine.FALLBACK, "", Optional.of(reason), 0, 0);
    }

    public static Completion of(String text, int inputTokens, int outputTokens) {
        return new Completion(Engine.LLM, text, Optional.empty(), inputTokens, outputTokens);
    }

    public boolean answered() {
        return engine == Engine.LLM;
    }
}
