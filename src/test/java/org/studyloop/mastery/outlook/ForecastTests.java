package org.studyloop.mastery.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTests {

    static final Forecast.Prior PRIOR = new Forecast.Prior(Math.log(0.2), 0.6, 0.9, 0);
    static final Forecast.Settings SETTINGS = new Forecast.Settings(50, 90, 0.8, 400, 1.0);
    static final int[] HORIZONS = {30, 60, 90};

    @Test
    void ownRateInvertsTheLearningCurve() {
        double kappa = 0.3;
        int skills = 10;
        int answers = 20;
        double mastery = 0.9 * kappa * answers / skills;
        assertThat(Forecast.ownRate(mastery, answers, skills, 0.9)).isCloseTo(kappa, within(1e-9));
        assertThat(Forecast.ownRate(0.5, 0, skills, 0.9)).isNaN();
    }

    @Test
    void theRateLeansOnTheCohortWhileHistoryIsShortAndOnTheStudentLater() {
        double own = Math.log(0.6);
        var shortHistory = new Forecast.Student(0.9 * 0.6 * 5 / 10.0, 5, 10, 0, 0, List.of());
        var longHistory = new Forecast.Student(0.9 * 0.6 * 12 / 10.0, 12, 10, 0, 0, List.of());
        var early = Forecast.rate(shortHistory, PRIOR, 50);
        var late = Forecast.rate(longHistory, PRIOR, 50);
        assertThat(Math.abs(early.logMean() - PRIOR.logRate())).isLessThan(Math.abs(early.logMean() - own));
        assertThat(late.logSd()).isLessThan(early.logSd());
        assertThat(Forecast.rate(new Forecast.Student(0, 0, 10, 0, 0, List.of()), PRIOR, 50)
                        .logMean())
                .isEqualTo(PRIOR.logRate());
    }

    @Test
    void anIntervalSurroundsEachExpectationAndGrowsWithActivity() {
        var weeks = List.of(new Forecast.Week(20, 2), new Forecast.Week(60, 4), new Forecast.Week(0, 0));
        var busy = Forecast.forecast(new Forecast.Student(0.3, 80, 12, 0, 0, weeks), PRIOR, SETTINGS, HORIZONS, 7);
        var idle = Forecast.forecast(
                new Forecast.Student(0.3, 80, 12, 0, 0, List.of(new Forecast.Week(0, 0))),
                PRIOR,
                SETTINGS,
                HORIZONS,
                7);
        assertThat(busy).extracting(Forecast.Point::days).containsExactly(30, 60, 90);
        for (var p : busy) {
            assertThat(p.low()).isLessThanOrEqualTo(p.expected());
            assertThat(p.high()).isGreaterThanOrEqualTo(p.expected()).isLessThanOrEqualTo(0.9);
            assertThat(p.high()).isGreaterThan(p.low());
        }
        assertThat(busy.getLast().expected()).isGreaterThan(0.3);
        // Without practice, mastery only decays: halved after the 90-day half-life.
        assertThat(idle.getLast().expected()).isCloseTo(0.15, within(1e-9));
        assertThat(idle.getLast().high()).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void theSameStudentAndSeedGiveTheSameForecastAndNoAnswersForecastNothing() {
        var weeks = List.of(new Forecast.Week(30, 1));
        var student = new Forecast.Student(0.4, 30, 15, 0, 0, weeks);
        assertThat(Forecast.forecast(student, PRIOR, SETTINGS, HORIZONS, 3))
                .isEqualTo(Forecast.forecast(student, PRIOR, SETTINGS, HORIZONS, 3));
        assertThat(Forecast.forecast(new Forecast.Student(0, 0, 15, 0, 0, List.of()), PRIOR, SETTINGS, HORIZONS, 3))
                .allSatisfy(p -> assertThat(p.high()).isZero());
    }

    @Test
    void afterAnswersFollowsTheCurveWithoutForgetting() {
        var student = new Forecast.Student(0.2, 100_000, 10, 0, 0, List.of());
        // With an overwhelming history the rate is the student's own (M/n per answer), with no spread.
        var p = Forecast.afterAnswers(student, PRIOR, SETTINGS, 50_000, 1);
        assertThat(p.expected()).isCloseTo(0.2 * 1.5, within(1e-3));
        assertThat(p.high() - p.low()).isLessThan(1e-2);
    }

    @Test
    void theCeilingIsThePractisedSkillsMasteryShrunkTowardsTheCohort() {
        var student = new Forecast.Student(0.3, 40, 10, 3, 0.6, List.of());
        assertThat(Forecast.ceiling(student, PRIOR)).isCloseTo((3 * 0.6 + 3 * 0.9) / 6, within(1e-12));
    }

    @Test
    void quantilesInterpolate() {
        double[] sorted = {0, 1, 2, 3, 4};
        assertThat(Forecast.quantile(sorted, 0.5)).isEqualTo(2);
        assertThat(Forecast.quantile(sorted, 0.1)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void weeksStartAtTheFirstAnswerAndCountActiveDays() {
        var now = Instant.parse("2026-11-22T10:00:00Z");
        var days = List.of(
                new Outlooks.AnswerDay(LocalDate.parse("2026-11-10"), 5, now),
                new Outlooks.AnswerDay(LocalDate.parse("2026-11-12"), 7, now),
                new Outlooks.AnswerDay(LocalDate.parse("2026-11-22"), 3, now));
        // Windows end 11-22, 11-15, 11-08 (before the first answer: left out), 11-01 (likewise).
        assertThat(Outlooks.weeks(days, now, 4)).containsExactly(new Forecast.Week(12, 2), new Forecast.Week(3, 1));
        assertThat(Outlooks.weeks(List.of(), now, 4)).isEmpty();
    }
}
