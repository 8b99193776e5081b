package org.studyloop.ai;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.studyloop.ai.gateway.ModelGateway;

/**
 * The ai module's API. Never throws for a model failure: a failed or unconfigured call answers
 * {@link Completion#fallback} with a {@link FallbackReason}'s text — no endpoint configured (the
 * embedded default), the user's daily quota reached, the circuit open, a timeout, a stalled
 * stream, a malformed reply, a refused or failed request. docs/ai.md describes the configuration.
 */
@Service
public class LanguageModels {

    static final String NOT_CONFIGURED = FallbackReason.NOT_CONFIGURED.text();

    private final Optional<ModelGateway> gateway;

    /** No language model: every call falls back (for tests of callers, and tools without Spring). */
    public LanguageModels() {
        this.gateway = Optional.empty();
    }

    /** The configured gateway; it falls back by itself when no endpoint is configured. */
    @Autowired
    public LanguageModels(ModelGateway gateway) {
        this.gateway = Optional.of(gateway);
    }

    /**
     * Whether a language model is configured and its circuit closed (or past its wait, ready for a
     * trial call): worth trying at all. A call may still fall back, e.g. on the user's quota.
     */
    public boolean available() {
        return gateway.map(ModelGateway::available).orElse(false);
    }

    /** One reply to the prompt, with retries on 5xx, timeouts and I/O failures. */
    public Completion complete(Prompt prompt) {
        return gateway.map(g -> g.complete(prompt)).orElseGet(FallbackReason.NOT_CONFIGURED::completion);
    }

    /**
     * One reply, streamed: {@code onPartial} receives the text as it arrives, on the calling thread,
     * and the returned completion holds the whole of it. A stream that fails part-way, or stalls (no
     * token for {@code studyloop.llm.stream-stall}), is cancelled and returns a fallback completion;
     * partial text may already have been delivered, so the caller decides what to show instead.
     * Streams are not retried, for that reason. An exception thrown by {@code onPartial} cancels the
     * stream and is rethrown.
     */
    public Completion stream(Prompt prompt, Consumer<String> onPartial) {
        return gateway.map(g -> g.stream(prompt, onPartial)).orElseGet(FallbackReason.NOT_CONFIGURED::completion);
    }

    /**
     * {@code n} independent replies (self-consistency checks), drawn in parallel at the prompt's
     * temperature or 0.7 when it is not above 0, at most {@value ModelGateway#MAX_SAMPLES}; failed
     * ones drop out. Empty when the model is unavailable or the user's quota is reached. The set
     * counts as one message against the quota.
     */
    public List<Completion> samples(Prompt prompt, int n) {
        return gateway.map(g -> g.samples(prompt, n)).orElseGet(List::of);
    }
}
