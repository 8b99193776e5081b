package org.studyloop.tutor.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.practice.SessionId;
import org.studyloop.tutor.Tutor;
import org.studyloop.tutor.conversation.Conversation;
import org.studyloop.tutor.turn.Citation;
import org.studyloop.tutor.turn.QuizItem;
import org.studyloop.tutor.turn.Reply;

/** The tutor's response bodies. */
final class TutorViews {

    private TutorViews() {}

    record Started(UUID conversationId) {}

    /**
     * API.md's reply, with what else the turn decided: the intent, the ladder's state, a check's
     * verdict, and for a question set the items and the body that starts them as a QUIZ.
     */
    record ReplyView(
            String reply,
            List<Citation> citations,
            int hintLevel,
            int hintsAvailable,
            String engine,
            String intent,
            boolean solutionShown,
            boolean guarded,
            @Nullable String checked,
            List<QuizItem> items,
            @Nullable Map<String, Object> practice) {}

    record ConversationView(
            UUID conversationId,
            @Nullable UUID courseId,
            @Nullable UUID itemId,
            @Nullable UUID sessionId,
            String title,
            int hintLevel,
            boolean solutionShown,
            Instant createdAt,
            Instant updatedAt) {}

    record TurnView(
            String speaker,
            String text,
            @Nullable String intent,
            @Nullable String engine,
            int hintLevel,
            List<Citation> citations,
            Instant at) {}

    record TranscriptView(ConversationView conversation, List<TurnView> turns) {}

    static ReplyView reply(Reply reply) {
        return new ReplyView(
                reply.text(),
                reply.citations(),
                reply.hintLevel(),
                reply.hintsAvailable(),
                reply.engine().name(),
                reply.intent().name(),
                reply.solutionShown(),
                reply.guarded(),
                reply.checked().orElse(null),
                reply.items(),
                reply.quizItemIds().isEmpty() ? null : Map.of("mode", "QUIZ", "itemIds", reply.quizItemIds()));
    }

    static ConversationView conversation(Conversation c) {
        return new ConversationView(
                c.id().value(),
                c.courseId().map(CourseId::value).orElse(null),
                c.itemId().map(ItemId::value).orElse(null),
                c.sessionId().map(SessionId::value).orElse(null),
                c.title(),
                c.hintLevel(),
                c.solutionShown(),
                c.createdAt(),
                c.updatedAt());
    }

    static TranscriptView transcript(Tutor.Transcript transcript) {
        return new TranscriptView(
                conversation(transcript.conversation()),
                transcript.turns().stream()
                        .map(t -> new TurnView(
                                t.speaker().name(),
                                t.text(),
                                t.intent().orElse(null),
                                t.engine().orElse(null),
                                t.hintLevel(),
                                t.citations(),
                                t.at()))
                        .toList());
    }
}
