package org.studyloop.mastery.eval;

import org.studyloop.mastery.outlook.Forecast;

/** Sums of a backtest's absolute errors, interval hits and widths, against three simpler forecasts. */
final class BacktestErrors {

    /** The errors over one set of forecasts. */
    record Result(
            String horizon,
            int cases,
            double meanHorizon,
            double meanActual,
            double meanForecast,
            double mae,
            double coverage,
            double meanWidth,
            double persistenceMae,
            double ownOnlyMae,
            double cohortOnlyMae) {}

    private int cases;
    private double horizon, actual, forecast, error, covered, width, persistence, ownOnly, cohortOnly;

    void add(int h, double before, double after, Forecast.Point f, Forecast.Point own, Forecast.Point cohort) {
        cases++;
        horizon += h;
        actual += after;
        forecast += f.expected();
        error += Math.abs(f.expected() - after);
        covered += f.low() <= after && after <= f.high() ? 1 : 0;
        width += f.high() - f.low();
        persistence += Math.abs(before - after);
        ownOnly += Math.abs(own.expected() - after);
        cohortOnly += Math.abs(cohort.expected() - after);
    }

    Result result(String name) {
        double n = Math.max(1, cases);
        return new Result(
                name,
                cases,
                horizon / n,
                actual / n,
                forecast / n,
                error / n,
                covered / n,
                width / n,
                persistence / n,
                ownOnly / n,
                cohortOnly / n);
    }
}
