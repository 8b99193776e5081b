package org.studyloop.tutor.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.studyloop.ai.Engine;
import org.studyloop.catalog.Grading;
import org.studyloop.catalog.Verdict;
import org.studyloop.tutor.memory.SkillNote;

/**
 * The deterministic engine (DESIGN.md, principle 3): every reply is built from authored material —
 * the item's hint ladder and worked solution, the worked solutions of similar items (same skill,
 * another item: fine to show), sentences quoted from the course's lessons with their citations,
 * and the misconception feedback of choices and known wrong answers. Anything quoted about an
 * unanswered item passes the {@link LeakGuard} first.
 */
@Component
public class FallbackEngine {

    private final SimilarItems similarItems;

    FallbackEngine(SimilarItems similarItems) {
        this.similarItems = similarItems;
    }

    public Reply ladder(TurnContext ctx, HintLadder.Step step, boolean askedForAnswer) {
        var item = ctx.item().orElseThrow();
        var parts = new ArrayList<String>();
        var citations = new ArrayList<Citation>();
        if (step.solution()) {
            misconception(ctx).ifPresent(f -> parts.add("About your last answer: " + f));
            parts.add("Worked solution: " + item.solution());
            if (!ctx.answered()) {
                parts.add("You have climbed the whole hint ladder, so here is the full solution.");
            }
            return reply(ctx, parts, citations, step);
        }
        if (askedForAnswer) {
            parts.add("I won't give the answer away yet; here is the next step instead.");
        }
        if (ctx.conversation().hintLevel() == 0) {
            pastMisconception(ctx).ifPresent(n -> parts.add("Last time on this skill, this came up: " + n));
        }
        var from = ctx.conversation().hintLevel() == 0 ? 1 : step.level();
        for (var rung = from; rung <= step.level(); rung++) {
            parts.add(HintLadder.rung(item, rung));
        }
        if (ctx.conversation().hintLevel() == 0 && step.level() > 1) {
            parts.add("(I started higher on the ladder because "
                    + (ctx.mastery().isPresent() && ctx.mastery().getAsDouble() < HintLadder.LOW
                            ? "your mastery of " + ctx.skillNames() + " is still low."
                            : "you needed the later hints on this skill before.")
                    + ")");
        }
        if (step.level() >= 2) {
            similarItems.example(item, step.level()).ifPresent(s -> {
                parts.add("A similar worked example: " + s.text());
                citations.add(s.citation());
            });
        }
        if (step.level() >= item.hints().size()) {
            parts.add("That was the last hint. Ask again and I will show the worked solution.");
        }
        return reply(ctx, parts, citations, step);
    }

    public Reply check(TurnContext ctx, HintLadder.Step step, Verdict verdict) {
        var item = ctx.item().orElseThrow();
        var parts = new ArrayList<String>();
        switch (verdict.outcome()) {
            case CORRECT ->
                parts.add("That's right, well done. Submit it in your practice session to get the credit;"
                        + " after that I can walk you through the worked solution.");
            case PARTIAL -> parts.add("Partly right: some of it is correct, but not all of it.");
            case INCORRECT -> parts.add("Not quite.");
            default -> parts.add("I could not read an answer in that. Write it like \"is it 3/4?\" or \"is it b?\".");
        }
        var shown = HintLadder.shownUpTo(item, step.level());
        if (verdict.feedback() != null
                && verdict.outcome() != Verdict.Outcome.UNREADABLE
                && !LeakGuard.leaks(verdict.feedback(), item, shown)) {
            parts.add(verdict.feedback());
        }
        if (!verdict.correct() && step.level() > 0) {
            parts.add(HintLadder.rung(item, step.level()));
        }
        return reply(ctx, parts, List.of(), step).withChecked(verdict.outcome().name());
    }

    public Reply tooManyChecks(TurnContext ctx, HintLadder.Step step, int limit) {
        var item = ctx.item().orElseThrow();
        var parts = new ArrayList<String>();
        parts.add("You have checked " + limit + " answers in this conversation. Submit yours in practice to see"
                + " how you did; checking every option is not learning it.");
        if (step.level() > 0) {
            parts.add(HintLadder.rung(item, step.level()));
        }
        return reply(ctx, parts, List.of(), step);
    }

    public Reply explain(TurnContext ctx, HintLadder.Step step) {
        var parts = new ArrayList<String>();
        var citations = new ArrayList<Citation>();
        var query = Extracts.words(ctx.message() + " " + ctx.skillNames());
        var shown = ctx.item().map(i -> HintLadder.shownUpTo(i, step.level())).orElse(List.of());
        for (var source : ctx.sources()) {
            var sentences = Extracts.best(source.text(), query, 2).stream()
                    .filter(s -> ctx.item().isEmpty()
                            || ctx.answered()
                            || !LeakGuard.leaks(s, ctx.item().get(), shown))
                    .toList();
            if (!sentences.isEmpty()) {
                citations.add(source.citation());
                parts.add("[" + citations.size() + "] " + source.title() + ": " + String.join(" ", sentences));
            }
        }
        if (parts.isEmpty()) {
            parts.add("I could not find that in the course's lessons. Try naming the topic, for example"
                    + " \"explain the chain rule\"" + (ctx.item().isPresent() ? ", or ask for a hint." : "."));
        } else {
            parts.addFirst("From the course:");
        }
        if (ctx.mastery().isPresent() && !ctx.skills().isEmpty()) {
            parts.add("Your mastery of " + ctx.skillNames() + " is " + percent(ctx) + ".");
        }
        if (ctx.conversation().hintLevel() == 0 && ctx.recent().isEmpty()) {
            pastMisconception(ctx).ifPresent(n -> parts.add("Last time on this skill, this came up: " + n));
        }
        return reply(ctx, parts, citations, step);
    }

    public Reply essay(TurnContext ctx) {
        var parts = new ArrayList<String>();
        var citations = new ArrayList<Citation>();
        var words = ctx.message().strip().split("\\s+").length;
        if (words >= 80) {
            var paragraphs = ctx.message().strip().split("\\n\\s*\\n").length;
            parts.add("Your text has " + words + " words and " + paragraphs + " paragraph"
                    + (paragraphs == 1 ? "" : "s") + "."
                    + (words < 250 ? " Task 2 needs at least 250: short essays are penalised." : "")
                    + (paragraphs < 4
                            ? " Aim for four paragraphs: introduction, two body paragraphs, conclusion."
                            : ""));
        }
        parts.add("Essays are marked on task response, coherence and cohesion, lexical resource, and grammatical"
                + " range and accuracy. What the writing lessons say about the usual weak spots:");
        var query = Extracts.words(ctx.message() + " weak improve band score develop position paragraph");
        for (var source : ctx.sources()) {
            var sentences = Extracts.best(source.text(), query, 2);
            if (!sentences.isEmpty()) {
                citations.add(source.citation());
                parts.add("[" + citations.size() + "] " + source.title() + ": " + String.join(" ", sentences));
            }
        }
        return reply(
                ctx, parts, citations, new HintLadder.Step(ctx.conversation().hintLevel(), false));
    }

    public Reply questions(TurnContext ctx, PracticeSets.Drawn drawn) {
        if (drawn.items().isEmpty()) {
            return reply(
                    ctx,
                    List.of("I could not find questions on \"" + ctx.diagnosis().topic()
                            + "\". Try a skill's name, for example \"5 questions on linear equations\"."),
                    List.of(),
                    new HintLadder.Step(ctx.conversation().hintLevel(), false));
        }
        var names = String.join(", ", drawn.skills().stream().map(s -> s.name()).toList());
        var text = "Here "
                + (drawn.items().size() == 1
                        ? "is 1 question"
                        : "are " + drawn.items().size() + " questions")
                + " on " + names + ". Start them as a quiz when you are ready; I will be here if you"
                + " want a hint on any of them.";
        var items = drawn.items().stream().map(QuizItem::of).toList();
        var base = reply(
                ctx,
                List.of(text),
                List.of(),
                new HintLadder.Step(ctx.conversation().hintLevel(), false));
        return new Reply(
                base.text(),
                List.of(),
                base.intent(),
                Engine.FALLBACK,
                base.hintLevel(),
                base.hintsAvailable(),
                false,
                false,
                Optional.empty(),
                items,
                items.stream().map(QuizItem::itemId).toList());
    }

    private Reply reply(TurnContext ctx, List<String> parts, List<Citation> citations, HintLadder.Step step) {
        return new Reply(
                String.join("\n\n", parts),
                citations,
                ctx.diagnosis().intent(),
                Engine.FALLBACK,
                step.level(),
                ctx.ladder(),
                step.solution(),
                false,
                Optional.empty(),
                List.of(),
                List.of());
    }

    private static Optional<String> misconception(TurnContext ctx) {
        return ctx.lastAttempt()
                .filter(a -> !a.outcome().equals("CORRECT"))
                .flatMap(a -> {
                    try {
                        return Optional.ofNullable(Grading.grade(ctx.item().orElseThrow(), a.response())
                                .feedback());
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                })
                .filter(f -> !f.equals(Verdict.UNREADABLE_FEEDBACK));
    }

    private static Optional<String> pastMisconception(TurnContext ctx) {
        return ctx.notes().stream()
                .filter(n -> n.kind() == SkillNote.Kind.MISCONCEPTION)
                .map(SkillNote::note)
                .filter(n ->
                        ctx.item().isEmpty() || !LeakGuard.leaks(n, ctx.item().get(), List.of()))
                .findFirst();
    }

    private static String percent(TurnContext ctx) {
        return String.format(Locale.ROOT, "%.0f%%", ctx.mastery().orElse(0) * 100);
    }
}
