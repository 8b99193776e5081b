package org.studyloop.catalog.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.udojava.evalex.Expression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Expressions are parsed once and reused: a reused one must answer as a new one would. */
class ExpressionsTests {

    private static BigDecimal fresh(String text, Map<String, BigDecimal> values) {
        var expression = Expressions.create(text);
        values.forEach(expression::setVariable);
        return expression.eval();
    }

    @Test
    void aReusedExpressionNeverReadsAValueFromAnEarlierUse() {
        assertThat(Expressions.evaluate("x + y", Map.of("x", BigDecimal.ONE, "y", BigDecimal.TWO)))
                .isEqualByComparingTo("3");
        assertThat(Expressions.evaluate("x + y", Map.of("x", BigDecimal.TEN, "y", BigDecimal.ONE)))
                .isEqualByComparingTo("11");

        assertThatThrownBy(() -> Expressions.evaluate("x + y", Map.of("x", BigDecimal.ONE)))
                .as("y was 1 in the last use; a new expression knows no y")
                .isInstanceOf(Expression.ExpressionException.class);
    }

    @Test
    void aValueGivenForAConstantIsReadAsANewExpressionReadsItAndForThatUseOnly() {
        var plain = Map.of("x", BigDecimal.ONE);
        var withE = Map.of("x", BigDecimal.ONE, "e", BigDecimal.TWO);

        assertThat(Expressions.evaluate("e * x", plain)).isEqualByComparingTo(fresh("e * x", plain));
        assertThat(Expressions.evaluate("e * x", withE)).isEqualByComparingTo(fresh("e * x", withE));
        assertThat(Expressions.evaluate("e * x", plain)).isEqualByComparingTo(fresh("e * x", plain));
        assertThat(fresh("e * x", plain)).isEqualByComparingTo(fresh("e", Map.of()));
    }

    @Test
    void namesAreReadWhateverTheirCaseAndOtherValuesIgnored() {
        assertThat(Expressions.evaluate("2*X + exp(0)", Map.of("x", new BigDecimal("1.5"), "unused", "text")))
                .isEqualByComparingTo("4");
    }

    @Test
    void callersSideBySideEachGetTheirOwnValues() throws Exception {
        var calls = new ArrayList<Callable<Boolean>>();
        for (var i = 0; i < 400; i++) {
            var x = BigDecimal.valueOf(i);
            calls.add(() -> Expressions.evaluate("x*x - 3*x + sqrt(x + 1)", Map.of("x", x))
                            .compareTo(fresh("x*x - 3*x + sqrt(x + 1)", Map.of("x", x)))
                    == 0);
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var result : pool.invokeAll(calls)) {
                assertThat(result.get()).isTrue();
            }
        }
    }
}
