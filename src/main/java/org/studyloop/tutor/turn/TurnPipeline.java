package org.studyloop.tutor.turn;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.Grading;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.Verdict;
import org.studyloop.tutor.TutorTurnTaken;
import org.studyloop.tutor.conversation.Conversation;
import org.studyloop.tutor.conversation.Conversations;
import org.studyloop.tutor.conversation.StoredTurn;

/**
 * One tutor turn: retrieve ({@link Grounding}), diagnose ({@link IntentDiagnosis} and the
 * student's mastery), respond — the {@link FallbackEngine}'s reply always, the {@link LlmEngine}'s
 * instead when a model is configured and answers — then store both messages, the ladder's new
 * state and what the tutor learnt about the student, and publish {@link TutorTurnTaken}. The model
 * is called outside any transaction, so a slow model never holds a database connection.
 */
@Service
public class TurnPipeline {

    /** Checks per conversation on an unanswered item: enough to correct a slip, too few to try every choice. */
    static final int MAX_CHECKS = 3;

    private final Grounding grounding;
    private final FallbackEngine fallback;
    private final LlmEngine llm;
    private final PracticeSets sets;
    private final Conversations conversations;
    private final TurnMemory turnMemory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TurnPipeline(
            Grounding grounding,
            FallbackEngine fallback,
            LlmEngine llm,
            PracticeSets sets,
            Conversations conversations,
            TurnMemory turnMemory,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.grounding = grounding;
        this.fallback = fallback;
        this.llm = llm;
        this.sets = sets;
        this.conversations = conversations;
        this.turnMemory = turnMemory;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Answers the message, streaming the reply into the sink, and stores the turn. */
    public Reply take(Conversation conversation, String message, ReplySink sink, boolean fallbackOnly) {
        var diagnosis = IntentDiagnosis.diagnose(message, conversation.itemId().isPresent());
        var model = !fallbackOnly && diagnosis.intent() != Intent.PRACTICE_SET && llm.available();
        var ctx = grounding.gather(conversation, message, diagnosis, model);
        var authored = guard(ctx, respond(ctx));
        Reply reply;
        if (model) {
            reply = llm.reply(ctx, authored, sink).orElseGet(() -> streamed(authored, sink));
        } else {
            reply = streamed(authored, sink);
        }
        store(ctx, reply);
        return reply;
    }

    private Reply respond(TurnContext ctx) {
        var c = ctx.conversation();
        var current = new HintLadder.Step(c.hintLevel(), false);
        if (ctx.item().isEmpty()) {
            return switch (ctx.diagnosis().intent()) {
                case PRACTICE_SET -> fallback.questions(ctx, sets.draw(ctx.diagnosis(), ctx.courseId(), seed(c)));
                case ESSAY -> fallback.essay(ctx);
                default -> fallback.explain(ctx, current);
            };
        }
        var item = ctx.item().get();
        var climb = HintLadder.next(
                ctx.ladder(),
                c.hintLevel(),
                c.solutionShown(),
                ctx.answered(),
                HintLadder.firstLevel(ctx.ladder(), ctx.mastery(), ctx.notes()));
        return switch (ctx.diagnosis().intent()) {
            case HINT -> fallback.ladder(ctx, climb, false);
            case ANSWER -> fallback.ladder(ctx, climb, true);
            case CHECK -> check(ctx, item, current, climb);
            case PRACTICE_SET -> fallback.questions(ctx, sets.draw(ctx.diagnosis(), ctx.courseId(), seed(c)));
            case ESSAY -> fallback.essay(ctx);
            case EXPLAIN -> fallback.explain(ctx, current);
        };
    }

    private Reply check(TurnContext ctx, ItemSnapshot item, HintLadder.Step current, HintLadder.Step climb) {
        if (ctx.conversation().checks() >= MAX_CHECKS && !ctx.answered()) {
            return fallback.tooManyChecks(ctx, current, MAX_CHECKS);
        }
        Verdict verdict;
        try {
            verdict = Grading.grade(
                    item,
                    ProposedAnswers.response(item, ctx.diagnosis().proposed().orElse("")));
        } catch (IllegalArgumentException e) {
            verdict = new Verdict(Verdict.Outcome.UNREADABLE, 0, null);
        }
        // A wrong answer earns the next rung, never the solution: that stays behind the ladder.
        var step = verdict.correct() || verdict.outcome() == Verdict.Outcome.UNREADABLE || climb.solution()
                ? current
                : climb;
        return fallback.check(ctx, step, verdict);
    }

    /** The last line of defence for the fallback reply: quoted material that leaks becomes the hint. */
    private Reply guard(TurnContext ctx, Reply reply) {
        if (ctx.item().isEmpty() || ctx.answered() || reply.solutionShown()) {
            return reply;
        }
        var item = ctx.item().get();
        if (!LeakGuard.leaks(reply.text(), item, HintLadder.shownUpTo(item, reply.hintLevel()))) {
            return reply;
        }
        var level = Math.max(Math.min(1, ctx.ladder()), reply.hintLevel());
        return new Reply(
                HintLadder.rung(item, level),
                List.of(),
                reply.intent(),
                reply.engine(),
                level,
                reply.hintsAvailable(),
                false,
                true,
                reply.checked(),
                List.of(),
                List.of());
    }

    private static Reply streamed(Reply reply, ReplySink sink) {
        TurnStreams.chunks(reply.text(), sink);
        return reply;
    }

    private void store(TurnContext ctx, Reply reply) {
        var now = clock.instant();
        var c = ctx.conversation();
        var skills = ctx.skills().stream().map(CourseOutline.Skill::skillId).toList();
        var checked = reply.checked().isPresent() ? c.checks() + 1 : c.checks();
        transactions.executeWithoutResult(status -> {
            // The row lock orders two messages of one conversation sent at once; a conversation
            // deleted while its reply was being written is not brought back.
            if (conversations.lock(c.student(), c.id()).isEmpty()) {
                return;
            }
            var seq = conversations.turnCount(c.id());
            conversations.addTurn(
                    c.id(),
                    new StoredTurn(
                            seq + 1,
                            StoredTurn.Speaker.STUDENT,
                            ctx.message(),
                            Optional.empty(),
                            Optional.empty(),
                            0,
                            List.of(),
                            List.of(),
                            now));
            conversations.addTurn(
                    c.id(),
                    new StoredTurn(
                            seq + 2,
                            StoredTurn.Speaker.TUTOR,
                            reply.text(),
                            Optional.of(reply.intent().name()),
                            Optional.of(reply.engine().name()),
                            reply.hintLevel(),
                            reply.citations(),
                            reply.quizItemIds(),
                            now));
            conversations.update(c.after(reply.hintLevel(), c.solutionShown() || reply.solutionShown(), checked, now));
            turnMemory.remember(ctx, reply, skills, now);
            events.publishEvent(new TutorTurnTaken(
                    c.id(), c.student(), reply.intent().name(), reply.engine().name(), reply.hintLevel(), skills, now));
        });
    }

    private static long seed(Conversation c) {
        return c.id().value().getLeastSignificantBits() ^ c.updatedAt().toEpochMilli();
    }
}
