package org.studyloop.tutor.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.tutor.memory.SkillNote;

/**
 * Where a hint request lands on an item's ladder of {@code n} authored hints (docs/tutor.md,
 * "The hint ladder"). The first request starts at rung 1, one higher when the student's mastery of
 * the item's skills is low (below {@value #LOW}), and one higher again when the tutor remembers
 * that the student needed the last hint or the worked solution on these skills before; a student
 * at or above {@value #HIGH} always starts at rung 1. The start is capped at {@code n}: a higher
 * start shows the rungs below it too (scaffolding grows with need), and the worked solution is
 * never where a ladder starts. Each later request climbs one rung; after the last rung comes the
 * worked solution, which an answered item shows at once.
 */
public final class HintLadder {

    static final double LOW = 0.4;
    static final double HIGH = 0.8;

    private HintLadder() {}

    /** A move on the ladder: the rung shown (0 for none) and whether the worked solution is shown. */
    public record Step(int level, boolean solution) {}

    public static int firstLevel(int ladder, OptionalDouble mastery, List<SkillNote> notes) {
        if (ladder <= 1) {
            return ladder;
        }
        var level = 1;
        if (mastery.isPresent() && mastery.getAsDouble() < LOW) {
            level++;
        }
        if (notes.stream().anyMatch(n -> n.kind() == SkillNote.Kind.LADDER)) {
            level++;
        }
        if (mastery.isPresent() && mastery.getAsDouble() >= HIGH) {
            level = 1;
        }
        return Math.min(level, ladder);
    }

    /** The next move for a request for help, from the rung shown so far. */
    public static Step next(int ladder, int shown, boolean solutionShown, boolean answered, int first) {
        if (answered || solutionShown || ladder == 0) {
            return new Step(shown, true);
        }
        if (shown == 0) {
            return new Step(first, false);
        }
        if (shown < ladder) {
            return new Step(shown + 1, false);
        }
        return new Step(shown, true);
    }

    /** The authored hint of a rung, numbered: the text the guard falls back to. */
    public static String rung(ItemSnapshot item, int level) {
        if (level < 1 || item.hints().isEmpty()) {
            return "Start from what the question gives you and what it asks for.";
        }
        return "Hint " + level + " of " + item.hints().size() + ": "
                + item.hints().get(level - 1);
    }

    /** The rungs shown up to a level, numbered and bare: what the answer-leak guard lets through. */
    public static List<String> shownUpTo(ItemSnapshot item, int level) {
        var shown = new ArrayList<String>();
        for (var i = 0; i < Math.min(level, item.hints().size()); i++) {
            shown.add(rung(item, i + 1));
            shown.add(item.hints().get(i));
        }
        shown.add(rung(item, level));
        return shown;
    }
}
