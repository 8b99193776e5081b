package org.studyloop.tutor.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.studyloop.tutor.turn.Citation;

/** One message of a conversation as stored: the student's, or the tutor's with its sources. */
public record StoredTurn(
        int seq,
        Speaker speaker,
        String text,
        Optional<String> intent,
        Optional<String> engine,
        int hintLevel,
        List<Citation> citations,
        Instant at) {

    public StoredTurn {
        citations = List.copyOf(citations);
    }

    public enum Speaker {
        STUDENT,
        TUTOR
    }
}
