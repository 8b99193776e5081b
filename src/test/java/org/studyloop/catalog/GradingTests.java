package org.studyloop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.Verdict.Outcome;

/** Each grading rule of {@link Grading}, with its edge cases. */
class GradingTests {

    private static ItemSnapshot item(
            ItemType type,
            List<ItemSnapshot.Choice> choices,
            AnswerKey key,
            List<ItemSnapshot.Misconception> misconceptions) {
        return new ItemSnapshot(
                new ItemId(UUID.randomUUID()),
                1,
                type,
                "stem",
                choices,
                key,
                misconceptions,
                List.of("hint"),
                "solution",
                List.of(),
                null,
                "en",
                "StudyLoop",
                "CC-BY-4.0",
                null,
                null);
    }

    private static final List<ItemSnapshot.Choice> ABCD = List.of(
            new ItemSnapshot.Choice("a", "A", null),
            new ItemSnapshot.Choice("b", "B", "You added instead of subtracting."),
            new ItemSnapshot.Choice("c", "C", null),
            new ItemSnapshot.Choice("d", "D", "D is a trap."));

    private static Verdict grade(ItemSnapshot item, Object response) {
        return Grading.grade(item, Response.of(response));
    }

    @Test
    void singleChoice() {
        var item = item(ItemType.SINGLE_CHOICE, ABCD, new AnswerKey.Choices(List.of("a")), List.of());
        assertThat(grade(item, "a")).isEqualTo(new Verdict(Outcome.CORRECT, 1, null));
        assertThat(grade(item, " a ").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(item, List.of("a")).outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(item, "b")).isEqualTo(new Verdict(Outcome.INCORRECT, 0, "You added instead of subtracting."));
        assertThat(grade(item, "c")).isEqualTo(new Verdict(Outcome.INCORRECT, 0, null));
        assertThat(grade(item, "z").outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(grade(item, "").outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(grade(item, List.of("a", "b")).outcome()).isEqualTo(Outcome.UNREADABLE);
    }

    @Test
    void multipleChoiceGivesPartialCredit() {
        var item = item(ItemType.MULTIPLE_CHOICE, ABCD, new AnswerKey.Choices(List.of("a", "c")), List.of());
        assertThat(grade(item, List.of("c", "a"))).isEqualTo(new Verdict(Outcome.CORRECT, 1, null));
        assertThat(grade(item, List.of("a", "a", "c")).outcome()).isEqualTo(Outcome.CORRECT);
        var half = grade(item, List.of("a"));
        assertThat(half.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(half.score()).isEqualTo(0.5);
        var wrong = grade(item, List.of("a", "c", "d", "b"));
        assertThat(wrong.outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(wrong.score()).isZero();
        assertThat(wrong.feedback()).isEqualTo("D is a trap.");
        var one = grade(item, List.of("a", "c", "b"));
        assertThat(one.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(one.score()).isEqualTo(0.5);
        assertThat(one.feedback()).isEqualTo("You added instead of subtracting.");
        assertThat(grade(item, List.of("b", "d")).score()).isZero();
        assertThat(grade(item, List.of()).outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(item, List.of("a", "x")).outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(grade(item, "a").score()).isEqualTo(0.5);
    }

    @Test
    void orderingScoresTheShareOfPairsInTheRightOrder() {
        var item = item(ItemType.ORDERING, ABCD, new AnswerKey.Choices(List.of("a", "b", "c", "d")), List.of());
        assertThat(grade(item, List.of("a", "b", "c", "d"))).isEqualTo(new Verdict(Outcome.CORRECT, 1, null));
        var swap = grade(item, List.of("b", "a", "c", "d"));
        assertThat(swap.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(swap.score()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(grade(item, List.of("d", "c", "b", "a"))).isEqualTo(new Verdict(Outcome.INCORRECT, 0, null));
        assertThat(grade(item, List.of("d", "a", "b", "c")).score()).isCloseTo(0.5, within(1e-12));
        assertThat(grade(item, List.of("a", "b", "c")).outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(grade(item, List.of("a", "b", "c", "c")).outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(grade(item, List.of("a", "b", "c", "x")).outcome()).isEqualTo(Outcome.UNREADABLE);
    }

    private static ItemSnapshot numeric(
            String value, @Nullable String absolute, @Nullable String relative, @Nullable String unit) {
        return item(
                ItemType.NUMERIC,
                List.of(),
                new AnswerKey.Numeric(
                        new BigDecimal(value),
                        absolute == null ? null : new BigDecimal(absolute),
                        relative == null ? null : new BigDecimal(relative),
                        unit),
                List.of(new ItemSnapshot.Misconception("-4.5", "Mind the sign.")));
    }

    @Test
    void numericReadsNumbersLeniently() {
        var item = numeric("4.5", null, null, null);
        for (var right : List.of("4.5", " 4.50 ", "+4.5", "4,5", "9/2", "4.5000000001", "18 / 4")) {
            assertThat(grade(item, right).outcome()).as(right).isEqualTo(Outcome.CORRECT);
        }
        assertThat(grade(item, "4.51")).isEqualTo(new Verdict(Outcome.INCORRECT, 0, null));
        assertThat(grade(item, "−4.5")).isEqualTo(new Verdict(Outcome.INCORRECT, 0, "Mind the sign."));
        for (var unreadable : List.of("", "four", "4..5", "4.5 cm", "1/0", "4,5,6", "x")) {
            assertThat(grade(item, unreadable).outcome()).as(unreadable).isEqualTo(Outcome.UNREADABLE);
        }
        var big = numeric("1234567.5", null, null, null);
        assertThat(grade(big, "1,234,567.5").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(big, "1 234 567.5").outcome()).isEqualTo(Outcome.CORRECT);
        var thousand = numeric("1234", null, null, null);
        assertThat(grade(thousand, "1,234").outcome())
                .as("a comma before three digits is a thousands separator")
                .isEqualTo(Outcome.CORRECT);
        var third = numeric("0.3333333333", null, null, null);
        assertThat(grade(third, "1/3").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(third, "0.3333").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(numeric("-3", null, null, null), "-6/2").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(numeric("0.125", null, null, null), "0,125").outcome()).isEqualTo(Outcome.CORRECT);
    }

    @Test
    void numericToleranceAndUnits() {
        var absolute = numeric("4.5", "0.01", null, "cm");
        assertThat(grade(absolute, "4.509").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(absolute, "4.49 cm").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(absolute, "4.5CM").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(absolute, "4.52").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(absolute, "4.5 m")).isEqualTo(new Verdict(Outcome.INCORRECT, 0, "The answer is in cm."));
        var relative = numeric("200", null, "0.01", "cm²/s");
        assertThat(grade(relative, "201.9").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(relative, "202.1").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(relative, "200 cm^2/s").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(relative, "200 cm/s").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(numeric("12", null, null, "%"), "12%").outcome()).isEqualTo(Outcome.CORRECT);
    }

    private static ItemSnapshot expression(String key, String... variables) {
        return item(
                ItemType.EXPRESSION,
                List.of(),
                new AnswerKey.Expression(key, List.of(variables)),
                List.of(new ItemSnapshot.Misconception("2*x^3", "Multiply by the power, then lower it by one.")));
    }

    @Test
    void expressionsAreGradedByEquivalence() {
        var item = expression("6*x^2 - 4*x", "x");
        for (var right : List.of(
                "6*x^2 - 4*x",
                "6x^2-4x",
                "2x(3x-2)",
                "x*(6*x - 4)",
                "6 x**2 - 4 x",
                "-4x + 6x²",
                "(3x-2)(2x)",
                "dy/dx = 6x^2 - 4x",
                "6X^2 - 4X")) {
            assertThat(grade(item, right).outcome()).as(right).isEqualTo(Outcome.CORRECT);
        }
        assertThat(grade(item, "6x^2 - 4x + 0.001").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(item, "6x^2 + 4x")).isEqualTo(new Verdict(Outcome.INCORRECT, 0, null));
        assertThat(grade(item, "x*x*x*2").feedback()).isEqualTo("Multiply by the power, then lower it by one.");
        for (var unreadable : List.of("", "6y^2", "6x^2 -", "6x^2 $ 4", "((x)", "sqrt(-1-x^2)")) {
            assertThat(grade(item, unreadable).outcome()).as(unreadable).isEqualTo(Outcome.UNREADABLE);
        }
    }

    /** The equivalences issue #5 names, both ways round, and near misses of each. */
    @Test
    void equivalentFormsOfTheIssueAreAcceptedAndNearMissesRejected() {
        for (var pair :
                List.of(List.of("2(x+1)", "2x+2"), List.of("x^2-1", "(x-1)(x+1)"), List.of("sin(x)^2+cos(x)^2", "1"))) {
            assertThat(grade(expression(pair.get(0), "x"), pair.get(1)).outcome())
                    .as(pair.toString())
                    .isEqualTo(Outcome.CORRECT);
            assertThat(grade(expression(pair.get(1), "x"), pair.get(0)).outcome())
                    .as(pair.toString())
                    .isEqualTo(Outcome.CORRECT);
        }
        assertThat(grade(expression("2(x+1)", "x"), "2x+1").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(expression("x^2-1", "x"), "(x-1)^2").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(expression("1", "x"), "sin(x)^2-cos(x)^2").outcome()).isEqualTo(Outcome.INCORRECT);
        var unreadable = grade(expression("2(x+1)", "x"), "2(x+");
        assertThat(unreadable.outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(unreadable.score()).isZero();
        assertThat(unreadable.feedback()).isEqualTo("Could not read your answer.");
    }

    @Test
    void expressionsWithFunctionsAndSeveralVariables() {
        assertThat(grade(expression("1/x", "x"), "d/dx").outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(grade(expression("1/x", "x"), "x^(-1)").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(expression("(1 - log(x))/x^2", "x"), "(1 - ln x)/x^2").outcome())
                .isEqualTo(Outcome.UNREADABLE);
        assertThat(grade(expression("(1 - log(x))/x^2", "x"), "(1 - ln(x))/x^2").outcome())
                .isEqualTo(Outcome.CORRECT);
        assertThat(grade(expression("2*x*cos(x^2)", "x"), "2xcos(x^2)").outcome())
                .isEqualTo(Outcome.CORRECT);
        assertThat(grade(expression("2*exp(2*x)", "x"), "2e^(2x)").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(expression("sin(2*x)", "x"), "2sin(x)cos(x)").outcome())
                .isEqualTo(Outcome.CORRECT);
        assertThat(grade(expression("sin(2*x)", "x"), "2sin(x)").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(expression("1/(2*sqrt(x))", "x"), "0.5x^(-1/2)").outcome())
                .isEqualTo(Outcome.CORRECT);
        assertThat(grade(expression("-(x^2)", "x"), "-x^2").outcome())
                .as("a leading minus negates the whole term")
                .isEqualTo(Outcome.CORRECT);
        assertThat(grade(expression("3*x^2 + 3*x*h + h^2", "x", "h"), "3x^2+3xh+h^2")
                        .outcome())
                .isEqualTo(Outcome.CORRECT);
        assertThat(grade(expression("3*x^2 + 3*x*h + h^2", "x", "h"), "3x^2+3xh+h")
                        .outcome())
                .isEqualTo(Outcome.INCORRECT);
        assertThat(grade(expression("2*pi*r", "r"), "2πr".replace("π", "pi")).outcome())
                .isEqualTo(Outcome.CORRECT);
    }

    private static ItemSnapshot text(boolean caseSensitive, @Nullable String pattern, String... accepted) {
        return item(
                ItemType.SHORT_TEXT,
                List.of(),
                new AnswerKey.Texts(List.of(accepted), caseSensitive, pattern),
                List.of(new ItemSnapshot.Misconception("have been", "The subject is singular.")));
    }

    @Test
    void shortTextIsNormalised() {
        var item = text(false, null, "has been", "has");
        for (var right : List.of("has been", "  Has   BEEN. ", "has\tbeen!", "HAS", "has been?!")) {
            assertThat(grade(item, right).outcome()).as(right).isEqualTo(Outcome.CORRECT);
        }
        assertThat(grade(item, "Have  been.")).isEqualTo(new Verdict(Outcome.INCORRECT, 0, "The subject is singular."));
        assertThat(grade(item, "had").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(grade(item, "  ").outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(grade(text(false, null, "café"), "CAFE").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(text(false, null, "naïve"), "naive").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(text(false, null, "don't"), "Don\u2019t").outcome()).isEqualTo(Outcome.CORRECT);
        var exact = text(true, null, "Paris");
        assertThat(grade(exact, "Paris.").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(exact, "paris").outcome()).isEqualTo(Outcome.INCORRECT);
        var pattern = text(false, "^has( been)?$", "has been");
        assertThat(grade(pattern, "HAS").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(grade(pattern, "has not been").outcome()).isEqualTo(Outcome.INCORRECT);
    }

    @Test
    void essaysArePendingAndTemplatesMustBeInstantiated() {
        var essay = item(ItemType.ESSAY, List.of(), new AnswerKey.Essay(250, List.of()), List.of());
        assertThat(grade(essay, "Some people believe…")).isEqualTo(new Verdict(Outcome.PENDING, 0, null));
        var template = item(ItemType.TEMPLATE, List.of(), new AnswerKey.None(), List.of());
        assertThatIllegalArgumentException().isThrownBy(() -> grade(template, "1"));
    }

    @Test
    void responsesComeFromJsonValues() {
        assertThat(Response.of("a")).isEqualTo(new Response.Text("a"));
        assertThat(Response.of(List.of("a", "b"))).isEqualTo(new Response.Ids(List.of("a", "b")));
        assertThat(Response.of(new BigDecimal("4.50"))).isEqualTo(new Response.Text("4.50"));
        assertThat(Response.of(null)).isEqualTo(new Response.Text(""));
    }
}
