package org.studyloop.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatexWordsTests {

    @Test
    void mathsIsKeptAndSpelledOut() {
        var spelled = LatexWords.spell("Solve $x^2 - 1 = 0$ and $\\sqrt{x} \\le 3$.");
        assertThat(spelled)
                .contains("x^2")
                .contains("squared")
                .contains("minus")
                .contains("equals")
                .contains("square root of")
                .contains("less than or equal to")
                .doesNotContain("$")
                .doesNotContain("\\sqrt");
    }

    @Test
    void derivativesFractionsAndFunctions() {
        assertThat(LatexWords.spell("$\\frac{dy}{dx} = 3x^{3}$"))
                .contains("dy by dx")
                .contains("derivative")
                .contains("cubed");
        assertThat(LatexWords.spell("$$\\dfrac{1}{2}\\sin(\\theta)$$"))
                .contains("fraction")
                .contains("sine")
                .contains("theta");
        assertThat(LatexWords.spell("$e^{-x}$")).contains("to the power minus");
    }

    @Test
    void textWithoutMathsIsUnchanged() {
        assertThat(LatexWords.spell("The subject agrees with the verb."))
                .isEqualTo("The subject agrees with the verb.");
    }

    @Test
    void queriesTypedWithoutDollarsGetWordsToo() {
        assertThat(LatexWords.spellQuery("differentiate x^3")).contains("cubed").startsWith("differentiate x^3");
        assertThat(LatexWords.spellQuery("what is a gerund")).startsWith("what is a gerund");
    }
}
