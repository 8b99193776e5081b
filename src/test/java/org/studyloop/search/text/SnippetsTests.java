package org.studyloop.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Snippets: the matched words marked, the rest escaped, and maths left whole. */
class SnippetsTests {

    @Test
    void matchedWordsAreMarkedAndTheRestEscaped() {
        var snippet = Snippets.of("Factorising <b>quadratics</b> & more.", "factorise quadratics", "en");

        assertThat(snippet)
                .isEqualTo("<mark>Factorising</mark> &lt;b&gt;<mark>quadratics</mark>&lt;/b&gt; &amp; more.");
    }

    @Test
    void wordsInsideMathsAreNotMarkedSoThatThePageCanStillTypesetIt() {
        var snippet = Snippets.of(
                "Solve $x^2 - 4 = 0$ by factoring, then check each x. Also $$\\frac{x}{2}$$ and \\$5 for x.",
                "x factoring", "en");

        assertThat(snippet)
                .contains("$x^2 - 4 = 0$")
                .contains("$$\\frac{x}{2}$$")
                .contains("<mark>factoring</mark>")
                .contains("each <mark>x</mark>.")
                .contains("for <mark>x</mark>.");
    }

    @Test
    void theWordsAQuestionIsMadeOfAreNotMarked() {
        var snippet = Snippets.of(
                "How you factorise depends on the quadratic: what do its coefficients say?",
                "how do I factorise a quadratic",
                "en");

        assertThat(snippet)
                .isEqualTo("How you <mark>factorise</mark> depends on the <mark>quadratic</mark>: what do its"
                        + " coefficients say?");
    }

    @Test
    void oneQueryServesPassagesOfSeveralLanguagesEachStemmedByItsOwn() {
        var snippets = Snippets.forQuery("équations factoriser");

        assertThat(snippets.of("On factorise les équations du second degré.", "fr"))
                .isEqualTo("On <mark>factorise</mark> les <mark>équations</mark> du second degré.");
        assertThat(snippets.of("Factorising a quadratic.", "en")).isEqualTo("<mark>Factorising</mark> a quadratic.");
    }

    @Test
    void aWordIsMarkedOnlyWhenAllOfItsTermsAreWantedAndAStopWordNever() {
        var snippet = Snippets.of("The student's answer and the students' answers.", "student answer the", "en");

        assertThat(snippet)
                .isEqualTo("The <mark>student&#39;s</mark> <mark>answer</mark> and the <mark>students&#39;</mark>"
                        + " <mark>answers</mark>.");
    }

    @Test
    void aTableReadsAsCellsWithoutItsPipesOrRuleAndMathsPipesStay() {
        var passage = """
                Each form shows something.

                | form | shows |
                | --- | --- |
                | vertex $y = a(x - h)^2 + k$ | the vertex $(h, k)$ |
                | absolute $y = |x|$ | a corner |
                """;

        assertThat(Snippets.withoutTables(passage))
                .contains("form; shows.")
                .contains("vertex $y = a(x - h)^2 + k$; the vertex $(h, k)$.")
                .contains("absolute $y = |x|$; a corner.")
                .doesNotContain("---")
                .doesNotContain("| form");
        assertThat(Snippets.of(passage, "vertex form", "en"))
                .doesNotContain("| ")
                .doesNotContain("---");
    }

    @Test
    void aLongSnippetIsNeverCutInsideMaths() {
        var words = "word ".repeat(44);
        var snippet =
                Snippets.of(words + "then $\\frac{a + b + c + d + e + f}{g + h + i + j + k + l}$ ends.", "word", "en");

        assertThat(snippet).endsWith("then …").doesNotContain("$");
    }
}
