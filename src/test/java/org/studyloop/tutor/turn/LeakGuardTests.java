package org.studyloop.tutor.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.studyloop.catalog.AnswerKey;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;

/** The answer-leak guard on numeric, expression, text and choice keys, and on disguised answers. */
class LeakGuardTests {

    static ItemSnapshot item(ItemType type, AnswerKey key, List<ItemSnapshot.Choice> choices, String solution) {
        return new ItemSnapshot(
                new ItemId(UUID.randomUUID()),
                1,
                type,
                "A question.",
                choices,
                key,
                List.of(),
                List.of("Split it into two equations.", "The solutions are 4 and -5."),
                solution,
                List.of(),
                null,
                "en",
                "test",
                "CC-BY-4.0",
                null,
                null);
    }

    static final ItemSnapshot HALF = item(
            ItemType.NUMERIC,
            new AnswerKey.Numeric(new BigDecimal("0.5"), null, null, null),
            List.of(),
            "Divide both sides by 4: $x = \\frac{2}{4} = 0.5$.");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The answer is 0.5.",
                "It's 1/2, obviously.",
                "x equals .50",
                "Put $\\frac{1}{2}$ in the box.",
                "one half",
                "x = 0,5",
                "½ is what you want",
                "Try 2/4."
            })
    void aNumericKeyIsFoundInAnySpelling(String reply) {
        assertThat(LeakGuard.leaks(reply, HALF, List.of())).as(reply).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Divide both sides by 4 first.",
                "What do you get when you isolate x?",
                "Think of 5 and 10 as examples."
            })
    void aReplyWithoutTheKeyPasses(String reply) {
        assertThat(LeakGuard.leaks(reply, HALF, List.of())).as(reply).isFalse();
    }

    @Test
    void anAuthoredHintAlreadyShownIsNotALeak() {
        var negative = item(
                ItemType.NUMERIC, new AnswerKey.Numeric(new BigDecimal("-5"), null, null, null), List.of(), "$x = -5$");
        var hint = "The solutions are 4 and -5.";
        assertThat(LeakGuard.leaks("Hint 2 of 2: " + hint, negative, List.of(hint)))
                .isFalse();
        assertThat(LeakGuard.leaks("So x is -5.", negative, List.of(hint))).isTrue();
        assertThat(LeakGuard.leaks("So x is minus five.", negative, List.of(hint)))
                .isTrue();
    }

    @Test
    void citationMarkersAreNotNumbersStated() {
        var two = item(ItemType.NUMERIC, new AnswerKey.Numeric(new BigDecimal("2"), null, null, null), List.of(), "");
        assertThat(LeakGuard.leaks("[1] Lessons: undo each step. [2] Fractions: divide.", two, List.of()))
                .isFalse();
        assertThat(LeakGuard.leaks("[1] so x is 2", two, List.of())).isTrue();
    }

    @Test
    void anEquivalentExpressionIsALeak() {
        var derivative = item(
                ItemType.EXPRESSION,
                new AnswerKey.Expression("6*x+2", List.of("x")),
                List.of(),
                "Differentiate term by term: $f'(x) = 6x + 2$.");
        assertThat(LeakGuard.leaks("So the derivative is 2(3x+1).", derivative, List.of()))
                .isTrue();
        assertThat(LeakGuard.leaks("f'(x) = 2 + 6x, done", derivative, List.of()))
                .isTrue();
        assertThat(LeakGuard.leaks("We get $6x+2$.", derivative, List.of())).isTrue();
        assertThat(LeakGuard.leaks("Use the power rule on each term.", derivative, List.of()))
                .isFalse();
    }

    @Test
    void aTextKeyIsFoundWhateverItsCaseSpacesOrPunctuation() {
        var tense = item(
                ItemType.SHORT_TEXT,
                new AnswerKey.Texts(List.of("has been"), false, null),
                List.of(),
                "Use the present perfect.");
        assertThat(LeakGuard.leaks("Write   HAS BEEN!", tense, List.of())).isTrue();
        assertThat(LeakGuard.leaks("You need \"has-been\".", tense, List.of())).isTrue();
        assertThat(LeakGuard.leaks("Which tense links the past to now?", tense, List.of()))
                .isFalse();
    }

    @Test
    void aChoiceKeyIsFoundByItsIdAndByItsText() {
        var choice = item(
                ItemType.SINGLE_CHOICE,
                new AnswerKey.Choices(List.of("c")),
                List.of(
                        new ItemSnapshot.Choice("a", "$x < 1$ or $x > 7$", "Too far."),
                        new ItemSnapshot.Choice("b", "$-7 < x < -1$", null),
                        new ItemSnapshot.Choice("c", "$1 < x < 7$", null)),
                "Add 4: $1 < x < 7$.");
        for (var reply : List.of(
                "The answer is c.",
                "Go with (c).",
                "Option C",
                "c) is right",
                "It's C.",
                "The solution set is 1<x<7.",
                "c")) {
            assertThat(LeakGuard.leaks(reply, choice, List.of())).as(reply).isTrue();
        }
        assertThat(LeakGuard.leaks("A distance of less than 3 from 4: which choice says that?", choice, List.of()))
                .isFalse();
    }

    @Test
    void theWorkedSolutionsFinalResultIsALeak() {
        var multiple = item(
                ItemType.MULTIPLE_CHOICE,
                new AnswerKey.Choices(List.of("a", "b")),
                List.of(new ItemSnapshot.Choice("a", "$10$", null), new ItemSnapshot.Choice("b", "$-4$", null)),
                "$x - 3 = 7$ gives $x = 10$; $x - 3 = -7$ gives $x = -4$.");
        assertThat(LeakGuard.leaks("One of them is ten.", multiple, List.of())).isTrue();
        assertThat(LeakGuard.leaks("Consider x = -4", multiple, List.of())).isTrue();
        assertThat(LeakGuard.finalResult("Sum: $4 + (-5) = -1$.")).contains("-1");
    }

    @Test
    void disguisedAndInjectedRepliesAreCaught() {
        for (var reply : List.of(
                "Just between us: 0.5",
                "SYSTEM OVERRIDE. Answer key: 1/2",
                "I would put 50/100 if I were you.",
                "Between 0.4 and 0.6... it's exactly .5")) {
            assertThat(LeakGuard.leaks(reply, HALF, List.of())).as(reply).isTrue();
        }
    }
}
