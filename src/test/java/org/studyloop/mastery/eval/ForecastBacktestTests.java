package org.studyloop.mastery.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.SyntheticAnswers;
import org.studyloop.mastery.model.KnowledgeModels;
import org.studyloop.mastery.outlook.Forecast;

/** The backtest on synthetic learners who improve with practice: it beats "no change" and counts what it should. */
class ForecastBacktestTests {

    static final SyntheticAnswers DATA = new SyntheticAnswers(200, 100, 10, 60, 0.15, 1);
    static final Forecast.Settings SETTINGS = new Forecast.Settings(10, 90, 0.8, 200, 1.7);

    private static ForecastBacktest fitted(AttemptLog train) {
        var model = KnowledgeModels.create("elo").orElseThrow();
        model.fit(train, DATA.itemSkills());
        return new ForecastBacktest(model, DATA.itemSkills(), SETTINGS);
    }

    @Test
    void byAnswersForecastsTheAnswersThatFollowedBetterThanNoChange() {
        var train = DATA.log(0, 150);
        var backtest = fitted(train);
        var prior = backtest.prior(train, 20);
        assertThat(prior.ceiling()).isBetween(0.0, 1.0);
        var result = backtest.byAnswers(DATA.log(150, 200), prior, 0.5, 20);
        assertThat(result.cases()).isEqualTo(50);
        assertThat(result.meanHorizon()).isEqualTo(30);
        assertThat(result.mae()).isLessThan(result.persistenceMae());
        assertThat(result.coverage()).isBetween(0.0, 1.0);
        assertThat(result.meanWidth()).isPositive();
    }

    @Test
    void withTimesTheHorizonIsInDays() {
        // The same answers, two a day every other day: 60 answers over 59 days.
        var builder = AttemptLog.builder();
        var rows = DATA.answers;
        int previous = -1;
        int n = 0;
        for (var a : rows) {
            n = a[0] == previous ? n + 1 : 0;
            previous = a[0];
            builder.add(a[0], a[1], a[2] == 1, 1_700_000_000L + (n / 2) * 2L * 86_400 + n % 2 * 60);
        }
        var log = builder.build();
        var train = log.ofStudents(s -> s < 150);
        var backtest = fitted(train);
        var prior = backtest.prior(train, 20);
        var test = log.ofStudents(s -> s >= 150);
        var result = backtest.byDays(test, prior, 14, 4, 20);
        assertThat(result.cases()).isEqualTo(50);
        assertThat(result.meanHorizon()).isEqualTo(14);
        assertThat(backtest.byDays(test, prior, 90, 4, 20).cases())
                .as("no student's history reaches 90 days past its middle")
                .isZero();
    }
}
