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
import org.studyloop.catalog.Response;
import org.studyloop.catalog.Verdict;
import org.studyloop.tutor.TutorTurnTaken;
import org.studyloop.tutor.conversation.Conversation;
import org.studyloop.tutor.conversation.Conversations;
import org.studyloop.tutor.conversation.StoredTurn;
import org.studyloop.tutor.memory.Memory;
import org.studyloop.tutor.memory.Profile;
import org.studyloop.tutor.memory.SkillNote;

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
    private final Memory memory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TurnPipeline(
            Grounding grounding,
            FallbackEngine fallback,
            LlmEngine llm,
            PracticeSets sets,
            Conversations conversations,
            Memory memory,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.grounding = grounding;
        this.fallback = fallback;
        this.llm = llm;
        this.sets = sets;
        this.conversations = conversations;
        this.memory = memory;
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
                    item, response(item, ctx.diagnosis().proposed().orElse("")));
        } catch (IllegalArgumentException e) {
            verdict = new Verdict(Verdict.Outcome.UNREADABLE, 0, null);
        }
        // A wrong answer earns the next rung, never the solution: that stays behind the ladder.
        var step = verdict.correct() || verdict.outcome() == Verdict.Outcome.UNREADABLE || climb.solution()
                ? current
                : climb;
        return fallback.check(ctx, step, verdict);
    }

    /** A proposed answer as the item's type reads it: "a and c" is two ids for a multiple choice. */
    static Response response(ItemSnapshot item, String proposed) {
        var text = proposed.strip()
                .replaceAll("^(?i)(option|choice|answer)\\s+", "")
                .replaceAll("^\\((.+)\\)$", "$1");
        if (item.type().hasChoices()) {
            var ids = item.choices().stream().map(ItemSnapshot.Choice::id).toList();
            var byText = item.choices().stream()
                    .filter(c -> MathText.normalise(MathText.plain(c.text()))
                            .equals(MathText.normalise(MathText.plain(text))))
                    .map(ItemSnapshot.Choice::id)
                    .findFirst();
            if (byText.isPresent()) {
                return Response.text(byText.get());
            }
            var parts = List.of(text.split("\\s*(?:,|\\band\\b|\\bet\\b|\\by\\b|\\bund\\b|&|\\s)\\s*"));
            var picked = parts.stream()
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .map(p ->
                            ids.stream().filter(p::equalsIgnoreCase).findFirst().orElse(p))
                    .toList();
            return item.type() == org.studyloop.catalog.ItemType.SINGLE_CHOICE && picked.size() == 1
                    ? Response.text(picked.getFirst())
                    : Response.ids(picked);
        }
        return Response.text(MathText.plain(text).strip());
    }

    /** The last line of defence for the fallback reply: quoted material that leaks becomes the hint. */
    private Reply guard(TurnContext ctx, Reply reply) {
        if (ctx.item().isEmpty() || ctx.answered() || reply.solutionShown()) {
            return reply;
        }
        var item = ctx.item().get();
        if (!LeakGuard.leaks(reply.text(), item, FallbackEngine.hintsUpTo(item, reply.hintLevel()))) {
            return reply;
        }
        var level = Math.max(Math.min(1, ctx.ladder()), reply.hintLevel());
        return new Reply(
                FallbackEngine.hint(item, level),
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
                            now));
            conversations.update(c.after(reply.hintLevel(), c.solutionShown() || reply.solutionShown(), checked, now));
            remember(ctx, reply, skills, now);
            events.publishEvent(new TutorTurnTaken(
                    c.id(), c.student(), reply.intent().name(), reply.engine().name(), reply.hintLevel(), skills, now));
        });
    }

    private void remember(
            TurnContext ctx, Reply reply, List<org.studyloop.catalog.SkillId> skills, java.time.Instant now) {
        var student = ctx.student();
        var hint = reply.hintLevel() > ctx.conversation().hintLevel() && !reply.solutionShown() ? 1 : 0;
        var solution = reply.solutionShown() && !ctx.conversation().solutionShown() ? 1 : 0;
        var right = reply.checked().filter("CORRECT"::equals).isPresent() ? 1 : 0;
        var wrong = reply.checked()
                        .filter(o -> o.equals("INCORRECT") || o.equals("PARTIAL"))
                        .isPresent()
                ? 1
                : 0;
        memory.count(
                student,
                new Profile(1, hint, solution, right, wrong, reply.intent() == Intent.PRACTICE_SET ? 1 : 0, ""),
                now);
        if (skills.isEmpty()) {
            return;
        }
        var item = ctx.item().orElseThrow();
        if (solution == 1 && !ctx.answered()) {
            memory.note(student, skills, SkillNote.Kind.LADDER, "needed the worked solution", now);
        } else if (hint == 1 && reply.hintLevel() == ctx.ladder()) {
            memory.note(student, skills, SkillNote.Kind.LADDER, "needed the last hint", now);
        }
        if (wrong == 1) {
            ctx.diagnosis()
                    .proposed()
                    .flatMap(p -> feedbackOf(item, p))
                    .ifPresent(f -> memory.note(student, skills, SkillNote.Kind.MISCONCEPTION, f, now));
        }
        if (ctx.recent().isEmpty()) {
            // The misconception behind the last wrong answer in practice, remembered once per conversation.
            ctx.lastAttempt()
                    .filter(a -> a.outcome().equals("INCORRECT") || a.outcome().equals("PARTIAL"))
                    .flatMap(a -> feedbackOf(item, a.response()))
                    .ifPresent(f -> memory.note(student, skills, SkillNote.Kind.MISCONCEPTION, f, now));
        }
        if (right == 1 && ctx.conversation().hintLevel() > 0) {
            memory.note(
                    student,
                    skills,
                    SkillNote.Kind.HELPED,
                    FallbackEngine.hint(item, ctx.conversation().hintLevel()),
                    now);
        }
    }

    private static Optional<String> feedbackOf(ItemSnapshot item, String proposed) {
        return feedbackOf(item, response(item, proposed));
    }

    private static Optional<String> feedbackOf(ItemSnapshot item, Response response) {
        try {
            return Optional.ofNullable(Grading.grade(item, response).feedback())
                    .filter(f -> !f.equals(Verdict.UNREADABLE_FEEDBACK));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static long seed(Conversation c) {
        return c.id().value().getLeastSignificantBits() ^ c.updatedAt().toEpochMilli();
    }
}
