package org.studyloop.ai;

/** Which engine produced a reply: a language model, or the caller's deterministic fallback. */
public enum Engine {
    LLM,
    FALLBACK
}
