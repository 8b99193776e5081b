package org.studyloop.practice.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.studyloop.catalog.AnswerKey;
import org.studyloop.catalog.Grading;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.Response;
import org.studyloop.catalog.Verdict;

/**
 * What a simulated student types: the key when they know it, and when they do not, the wrong
 * answer a real student would give — a misconception the author listed (so the demo's feedback is
 * the authored one), else a wrong choice, a number off by one, an expression with a sign slip. Each
 * response is graded with the real grading before it is sent, so the intent holds.
 */
final class Responses {

    private Responses() {}

    /** A response the item grades as intended; empty for an item a simulation cannot answer (an essay). */
    static Optional<Object> answer(ItemSnapshot item, boolean right, Random random) {
        var candidates = right ? rightOnes(item) : wrongOnes(item, random);
        for (var candidate : candidates) {
            var verdict = Grading.grade(item, Response.of(candidate));
            if (verdict.outcome() != Verdict.Outcome.UNREADABLE && verdict.correct() == right) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The chance of guessing right: one in the number of choices, else small. */
    static double guess(ItemSnapshot item) {
        return switch (item.type()) {
            case SINGLE_CHOICE -> 1.0 / Math.max(2, item.choices().size());
            case MULTIPLE_CHOICE, ORDERING -> 0.1;
            default -> 0.02;
        };
    }

    private static List<Object> rightOnes(ItemSnapshot item) {
        return switch (item.answerKey()) {
            case AnswerKey.Choices key ->
                item.type() == ItemType.SINGLE_CHOICE ? List.of(key.choiceIds().getFirst()) : List.of(key.choiceIds());
            case AnswerKey.Numeric key -> {
                var plain = key.value().stripTrailingZeros().toPlainString();
                yield key.unit() == null ? List.of(plain) : List.of(plain + " " + key.unit(), plain);
            }
            case AnswerKey.Expression key -> List.of(key.expression());
            case AnswerKey.Texts key -> List.copyOf(key.accepted());
            case AnswerKey.Essay essay -> List.of();
            case AnswerKey.None none -> List.of();
        };
    }

    private static List<Object> wrongOnes(ItemSnapshot item, Random random) {
        var wrong = new ArrayList<Object>();
        if (!item.misconceptions().isEmpty()) {
            wrong.add(item.misconceptions()
                    .get(random.nextInt(item.misconceptions().size()))
                    .answer());
        }
        switch (item.answerKey()) {
            case AnswerKey.Choices key -> {
                var others = item.choices().stream()
                        .map(ItemSnapshot.Choice::id)
                        .filter(id -> !key.choiceIds().contains(id))
                        .toList();
                if (item.type() == ItemType.SINGLE_CHOICE && !others.isEmpty()) {
                    wrong.add(others.get(random.nextInt(others.size())));
                } else if (!others.isEmpty()) {
                    wrong.add(List.of(others.getFirst()));
                } else if (key.choiceIds().size() > 1) {
                    wrong.add(key.choiceIds().reversed());
                }
            }
            case AnswerKey.Numeric key -> {
                var off = key.value().add(BigDecimal.ONE.negate().pow(random.nextInt(2)));
                wrong.add(off.stripTrailingZeros().toPlainString());
                wrong.add(
                        key.value().multiply(BigDecimal.TWO).add(BigDecimal.TEN).toPlainString());
            }
            case AnswerKey.Expression key -> {
                wrong.add("-(" + key.expression() + ")");
                wrong.add("(" + key.expression() + ")+1");
            }
            case AnswerKey.Texts key -> wrong.add("I am not sure");
            case AnswerKey.Essay essay -> {}
            case AnswerKey.None none -> {}
        }
        return wrong;
    }
}
