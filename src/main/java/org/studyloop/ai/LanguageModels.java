package org.studyloop.ai;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The ai module's API. Never throws for a model failure: a failed or unconfigured call answers
 * {@link Completion#fallback}. This first version is the embedded default — no endpoint
 * configured — so every call falls back.
 */
@Service
public class LanguageModels {

    static final String NOT_CONFIGURED = "no language model is configured (STUDYLOOP_LLM_BASE_URL)";

    /** Whether a language model is configured and its circuit closed: worth trying at all. */
    public boolean available() {
        return false;
    }

    /** One reply to the prompt. */
    public Completion complete(Prompt prompt) {
        return Completion.fallback(NOT_CONFIGURED);
    }

    /**
     * One reply, streamed: {@code onPartial} receives the text as it arrives, and the returned
     * completion holds the whole of it. A stream that fails part-way returns a fallback completion;
     * partial text may already have been delivered, so the caller decides what to show instead.
     */
    public Completion stream(Prompt prompt, Consumer<String> onPartial) {
        return Completion.fallback(NOT_CONFIGURED);
    }

    /** {@code n} independent replies (self-consistency checks); empty when the model is unavailable. */
    public List<Completion> samples(Prompt prompt, int n) {
        return List.of();
    }
}
