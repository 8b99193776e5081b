package org.studyloop.tutor.turn;

/** A finished reply cut into chunks for a stream: a few words at a time, at word boundaries. */
public final class TurnStreams {

    static final int CHUNK = 48;

    private TurnStreams() {}

    public static void chunks(String text, ReplySink sink) {
        var start = 0;
        while (start < text.length()) {
            var end = Math.min(text.length(), start + CHUNK);
            if (end < text.length()) {
                var space = text.lastIndexOf(' ', end);
                if (space > start) {
                    end = space + 1;
                }
            }
            sink.chunk(text.substring(start, end));
            start = end;
        }
    }
}
