package org.studyloop.ai;

/**
 * Why a call answered {@link Completion#fallback}: {@link #text()} is the completion's {@code
 * fallbackReason}, the name a metric tag. Callers may branch on it (e.g. tell a student that their
 * daily AI messages are used up) but always answer with their deterministic path.
 */
public enum FallbackReason {
    NOT_CONFIGURED("no language model is configured (STUDYLOOP_LLM_BASE_URL)"),
    CIRCUIT_OPEN("circuit open"),
    QUOTA_REACHED("daily quota reached"),
    TIMEOUT("timeout"),
    STALLED("stream stalled"),
    MALFORMED("malformed reply"),
    REFUSED("the endpoint refused the request"),
    FAILED("the endpoint failed");

    private final String text;

    FallbackReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether {@code completion} fell back for this reason. */
    public boolean explains(Completion completion) {
        return completion.fallbackReason().filter(text::equals).isPresent();
    }

    public Completion completion() {
        return Completion.fallback(text);
    }
}
