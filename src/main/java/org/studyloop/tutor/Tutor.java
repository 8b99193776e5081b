package org.studyloop.tutor;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.Actor;
import org.studyloop.practice.Practice;
import org.studyloop.practice.PracticeProblems;
import org.studyloop.practice.SessionId;
import org.studyloop.shared.ProblemException;
import org.studyloop.tutor.conversation.Conversation;
import org.studyloop.tutor.conversation.Conversations;
import org.studyloop.tutor.conversation.StoredTurn;
import org.studyloop.tutor.turn.Reply;
import org.studyloop.tutor.turn.ReplySink;
import org.studyloop.tutor.turn.TurnPipeline;

/**
 * The tutor module's API: a person's conversations with the tutor — start one (about a course, an
 * item or a practice session), send a message and get the reply (streamed or whole), read and
 * delete them. A conversation is its owner's alone: anyone else is told it does not exist. While
 * the student sits a mock exam the tutor answers nothing (docs/tutor.md, "Exams").
 */
@Service
public class Tutor {

    static final int TITLE_LENGTH = 80;
    static final int LIST_LIMIT = 200;

    private final Conversations conversations;
    private final TurnPipeline pipeline;
    private final Catalog catalog;
    private final Practice practice;
    private final Clock clock;

    Tutor(Conversations conversations, TurnPipeline pipeline, Catalog catalog, Practice practice, Clock clock) {
        this.conversations = conversations;
        this.pipeline = pipeline;
        this.catalog = catalog;
        this.practice = practice;
        this.clock = clock;
    }

    /** A conversation as stored, with its turns. */
    public record Transcript(Conversation conversation, List<StoredTurn> turns) {}

    public ConversationId start(
            Actor actor, Optional<CourseId> courseId, Optional<ItemId> itemId, Optional<SessionId> sessionId) {
        if (courseId.isPresent() && catalog.course(courseId.get()).isEmpty()) {
            throw ProblemException.invalid("courseId", "there is no course " + courseId.get());
        }
        var item = itemId.map(id -> catalog.item(actor, id)
                .filter(i -> !i.isTemplate())
                .orElseThrow(() -> ProblemException.invalid("itemId", "there is no item " + id)));
        if (sessionId.isPresent()
                && practice.sessionMode(actor.userId(), sessionId.get()).isEmpty()) {
            throw ProblemException.invalid("sessionId", "there is no session " + sessionId.get() + " of yours");
        }
        requireNoExam(actor);
        var now = clock.instant();
        var title = item.map(i -> i.stem())
                .or(() -> courseId.flatMap(catalog::course).map(c -> c.title()))
                .orElse("Conversation");
        var conversation = new Conversation(
                new ConversationId(
                        com.fasterxml.uuid.Generators.timeBasedEpochGenerator().generate()),
                actor.userId(),
                courseId,
                itemId,
                sessionId,
                title.length() > TITLE_LENGTH ? title.substring(0, TITLE_LENGTH - 3) + "..." : title,
                0,
                false,
                0,
                now,
                now);
        conversations.add(conversation);
        return conversation.id();
    }

    /**
     * Checks that the message may be answered — the conversation is the actor's and no exam is
     * running — before anything is streamed, so that a refusal is still an HTTP problem.
     */
    public Conversation admit(Actor actor, ConversationId id) {
        var conversation = conversations
                .of(actor.userId(), id)
                .orElseThrow(() -> ProblemException.notFound("There is no conversation " + id + "."));
        requireNoExam(actor);
        return conversation;
    }

    /** Answers a message, streaming the reply into the sink as it is produced. */
    public Reply ask(Actor actor, ConversationId id, String text, ReplySink sink) {
        return pipeline.take(admit(actor, id), text, sink, false);
    }

    /** As {@link #ask}, with the deterministic engine only (the tutor-eval command). */
    public Reply askFallback(Actor actor, ConversationId id, String text) {
        return pipeline.take(admit(actor, id), text, ReplySink.none(), true);
    }

    public List<Conversation> conversations(Actor actor) {
        return conversations.ofStudent(actor.userId(), LIST_LIMIT);
    }

    public Optional<Transcript> transcript(Actor actor, ConversationId id) {
        return conversations
                .of(actor.userId(), id)
                .map(c -> new Transcript(c, conversations.turns(c.id(), Integer.MAX_VALUE)));
    }

    /** Deletes the conversation and its turns for good. */
    public void delete(Actor actor, ConversationId id) {
        if (!conversations.delete(actor.userId(), id)) {
            throw ProblemException.notFound("There is no conversation " + id + ".");
        }
    }

    /**
     * The tutor refuses every turn while an exam runs, not only hints: explaining the concept behind
     * a question is help on the exam too.
     */
    private void requireNoExam(Actor actor) {
        if (practice.examInProgress(actor.userId()).isPresent()) {
            throw new ProblemException(
                    PracticeProblems.NOT_DURING_EXAM,
                    "The tutor is not available during an exam. Finish the exam first; then it can help with"
                            + " every question.");
        }
    }
}
