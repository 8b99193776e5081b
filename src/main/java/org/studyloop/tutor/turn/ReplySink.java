package org.studyloop.tutor.turn;

/**
 * Where a reply goes as it is produced, for streaming: chunks in order, and a reset when text
 * already sent must be discarded (a language model's stream that failed part-way, replaced by the
 * fallback engine's reply).
 */
public interface ReplySink {

    void chunk(String text);

    void reset();

    static ReplySink none() {
        return new ReplySink() {
            @Override
            public void chunk(String text) {}

            @Override
            public void reset() {}
        };
    }
}
