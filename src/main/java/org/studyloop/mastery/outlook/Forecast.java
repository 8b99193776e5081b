package org.studyloop.mastery.outlook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The forecast of a student's course mastery M (the mean mastery over the course's skills, 0 for a
 * skill without evidence) by simulation.
 *
 * <p>Learning: course mastery grows by a constant gain per answer, {@code c·κ/S} for a course of S
 * skills, until it reaches the student's ceiling c: M is mostly the share of the course the student
 * has reached times how well they know what they reached, and the backtest (bench/README,
 * "Forecast") found this linear-to-a-ceiling curve closer than an exponential approach (MAE 0.123
 * against 0.142 at a cut half-way). κ, "skills' worth of learning per answer", is the student's own
 * estimate from their history shrunk towards the cohort's (empirical Bayes, Efron and Morris 1975):
 * on the log scale, own × n/(n + n0) + cohort × n0/(n + n0), with the cohort's spread scaled by
 * sqrt(n0/(n + n0)) and by a calibration factor as its uncertainty. The ceiling is the mean mastery
 * of the skills the student practised, shrunk towards the cohort's over three skills' worth.
 *
 * <p>Activity and forgetting: the future is made of weeks drawn with replacement from the student's
 * recent weeks (a bootstrap over weeks, Efron 1979; each week keeps its answers and active days
 * together), answers spread over the week's days; every idle day multiplies M by
 * 2^(−1/half-life). The expected mastery is the mean of the simulations, the interval their
 * central quantiles.
 */
public final class Forecast {

    /** A week of a student's activity. */
    public record Week(int answers, int activeDays) {
        public Week {
            if (answers < 0 || activeDays < 0 || activeDays > 7) {
                throw new IllegalArgumentException("a week has 0..7 active days and no negative answers");
            }
        }
    }

    /**
     * What the cohort says about learning rates.
     *
     * @param logRate the mean of log κ over the cohort
     * @param logSpread the standard deviation of log κ between students
     * @param ceiling the mastery that practice brings a skill to (the mean over well-practised skills)
     * @param ceilingSpread the standard deviation between students of their practised skills' mean
     *     mastery
     */
    public record Prior(double logRate, double logSpread, double ceiling, double ceilingSpread) {

        /** When the cohort is too small: about the ASSISTments 2009 cohort's (bench/README, "Forecast backtest"). */
        public static final Prior DEFAULT = new Prior(Math.log(0.13), 0.7, 0.75, 0.1);
    }

    /**
     * A student now.
     *
     * @param mastery course mastery
     * @param answers answers so far
     * @param skills the skills of the course
     * @param practised the skills of the course with evidence
     * @param practisedMastery the mean mastery over those
     * @param recentWeeks the recent weeks' activity, oldest first
     */
    public record Student(
            double mastery, int answers, int skills, int practised, double practisedMastery, List<Week> recentWeeks) {
        public Student {
            recentWeeks = List.copyOf(recentWeeks);
        }
    }

    /**
     * Settings: prior weight in answers, forgetting half-life in days, the interval's probability,
     * how many simulations, and the factor on the rate's spread that calibrates the interval.
     */
    public record Settings(int priorAnswers, double halfLifeDays, double interval, int samples, double spreadScale) {}

    /** The cohort's weight on a student's ceiling, in skills. */
    static final double PRIOR_SKILLS = 3;

    /** The forecast at a horizon. */
    public record Point(int days, double expected, double low, double high) {}

    /** The posterior of log κ: its mean and standard deviation. */
    public record Rate(double logMean, double logSd) {
        public double perAnswer(int skills) {
            return Math.exp(logMean) / Math.max(1, skills);
        }
    }

    private Forecast() {}

    /**
     * The student's own κ: from M = c·κ·n/S after n answers starting from 0, κ = S·M/(c·n) (M/c at
     * most 1); NaN without answers or mastery.
     */
    public static double ownRate(double mastery, int answers, int skills, double ceiling) {
        if (answers <= 0 || mastery <= 0) {
            return Double.NaN;
        }
        double share = Math.min(Math.max(mastery / ceiling, 1e-3), 1);
        return share * Math.max(1, skills) / answers;
    }

    /** The student's ceiling: their practised skills' mean mastery shrunk towards the cohort's, not below M. */
    public static double ceiling(Student student, Prior prior) {
        double c = (student.practised() * student.practisedMastery() + PRIOR_SKILLS * prior.ceiling())
                / (student.practised() + PRIOR_SKILLS);
        return Math.max(c, student.mastery());
    }

    /** The uncertainty of the student's ceiling: the cohort's spread, less as more skills are practised. */
    static double ceilingSd(Student student, Prior prior, Settings settings) {
        return settings.spreadScale()
                * prior.ceilingSpread()
                * Math.sqrt(PRIOR_SKILLS / (student.practised() + PRIOR_SKILLS));
    }

    public static Rate rate(Student student, Prior prior, int priorAnswers) {
        double own = ownRate(student.mastery(), student.answers(), student.skills(), ceiling(student, prior));
        if (Double.isNaN(own)) {
            return new Rate(prior.logRate(), prior.logSpread());
        }
        double w = student.answers() / (double) (student.answers() + priorAnswers);
        return new Rate(w * Math.log(own) + (1 - w) * prior.logRate(), prior.logSpread() * Math.sqrt(1 - w));
    }

    /** The forecast at each horizon in days (ascending), reproducible for a seed. */
    public static List<Point> forecast(Student student, Prior prior, Settings settings, int[] horizons, long seed) {
        var days = Arrays.stream(horizons).sorted().toArray();
        var rate = rate(student, prior, settings.priorAnswers());
        var weeks = student.recentWeeks();
        if (weeks.isEmpty()) {
            return Arrays.stream(days)
                    .mapToObj(d -> new Point(d, student.mastery(), student.mastery(), student.mastery()))
                    .toList();
        }
        double ceiling = ceiling(student, prior);
        double ceilingSd = ceilingSd(student, prior, settings);
        var random = new SplittableRandom(seed);
        var results = new double[days.length][settings.samples()];
        double keep = Math.pow(2, -1 / settings.halfLifeDays());
        for (int b = 0; b < settings.samples(); b++) {
            double k = Math.exp(rate.logMean() + settings.spreadScale() * rate.logSd() * gaussian(random))
                    / Math.max(1, student.skills());
            double m = student.mastery();
            double c = Math.min(1, Math.max(m, ceiling + ceilingSd * gaussian(random)));
            int day = 0;
            Week week = weeks.getFirst();
            for (int h = 0; h < days.length; h++) {
                for (; day < days[h]; day++) {
                    if (day % 7 == 0) {
                        week = weeks.get(random.nextInt(weeks.size()));
                    }
                    double answersToday = week.answers() / 7.0;
                    m = Math.min(c, m + c * k * answersToday);
                    m *= Math.pow(keep, (7 - week.activeDays()) / 7.0);
                }
                results[h][b] = m;
            }
        }
        double tail = (1 - settings.interval()) / 2;
        var points = new ArrayList<Point>();
        for (int h = 0; h < days.length; h++) {
            var sample = results[h];
            Arrays.sort(sample);
            double mean = Arrays.stream(sample).average().orElse(student.mastery());
            points.add(new Point(
                    days[h], mean, Math.min(mean, quantile(sample, tail)), Math.max(mean, quantile(sample, 1 - tail))));
        }
        return points;
    }

    /**
     * The forecast after a number of further answers, without time (learning alone, no forgetting):
     * what a backtest on data without timestamps can check.
     */
    public static Point afterAnswers(Student student, Prior prior, Settings settings, int answers, long seed) {
        var rate = rate(student, prior, settings.priorAnswers());
        double ceiling = ceiling(student, prior);
        double ceilingSd = ceilingSd(student, prior, settings);
        var random = new SplittableRandom(seed);
        var sample = new double[settings.samples()];
        for (int b = 0; b < sample.length; b++) {
            double k = Math.exp(rate.logMean() + settings.spreadScale() * rate.logSd() * gaussian(random))
                    / Math.max(1, student.skills());
            double c = Math.min(1, Math.max(student.mastery(), ceiling + ceilingSd * gaussian(random)));
            sample[b] = Math.min(c, student.mastery() + c * k * answers);
        }
        Arrays.sort(sample);
        double tail = (1 - settings.interval()) / 2;
        double mean = Arrays.stream(sample).average().orElse(student.mastery());
        return new Point(
                answers, mean, Math.min(mean, quantile(sample, tail)), Math.max(mean, quantile(sample, 1 - tail)));
    }

    /** The q-quantile of sorted values, by linear interpolation (Hyndman and Fan 1996, type 7). */
    public static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** A standard normal draw (Box–Muller). */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
