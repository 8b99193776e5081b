package org.studyloop.tutor.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.studyloop.tutor.turn.Citation;

/**
 * One message of a conversation as stored: the student's, or the tutor's with its sources and, for
 * a question set, the ids of the items it offered (empty otherwise).
 */
public record StoredTurn(
        int seq,
        Speaker speaker,
        String text,
        Optional<String> intent,
        Optional<String> engine,
        int hintLevel,
        List<Citation> citations,
        List<UUID> quizItemIds,
        Instant at) {

    public StoredTurn {
        citations = List.copyOf(citations);
        quizItemIds = List.copyOf(quizItemIds);
    }

    public enum Speaker {
        STUDENT,
        TUTOR
    }
}
