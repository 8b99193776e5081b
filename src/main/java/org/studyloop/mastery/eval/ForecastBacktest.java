package org.studyloop.mastery.eval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;
import org.studyloop.mastery.KnowledgeModel;
import org.studyloop.mastery.StudentState;
import org.studyloop.mastery.outlook.Forecast;

/**
 * The backtest of the course-mastery forecast: each student's history is cut, the forecast is made
 * from what came before the cut, and compared with the course mastery the knowledge model gives
 * after replaying what actually came next. A student's course is the set of skills of the items
 * they answer over the whole log (in the app a course's skills are known in advance; here the
 * year's assignments stand for the syllabus); course mastery is the mean over it, 0 for a skill
 * without evidence yet, as in the app. Without timestamps (ASSISTments 2009) the horizon is the
 * number of answers that actually followed the cut (learning alone); with them, 30/60/90 days after
 * a cut in the middle of each student's time span (activity, learning and forgetting).
 */
final class ForecastBacktest {

    private final KnowledgeModel model;
    private final ItemSkills skills;
    private final Forecast.Settings settings;

    ForecastBacktest(KnowledgeModel model, ItemSkills skills, Forecast.Settings settings) {
        this.model = model;
        this.skills = skills;
        this.settings = settings;
    }

    /** The cohort prior from fully replayed students: their κ, and the ceiling. */
    Forecast.Prior prior(AttemptLog log, int minAnswers) {
        var logs = new ArrayList<Double>();
        double[] ceiling = {0, 0};
        var firstPass = new ArrayList<double[]>(); // {mastery, answers, syllabus}
        students(log, (start, end) -> {
            if (end - start < minAnswers) {
                return;
            }
            var syllabus = syllabus(log, start, end);
            var state = model.newState();
            var counts = new TreeMap<Integer, Integer>();
            replay(log, start, end, state, r -> {
                for (int s : skills.skillsOf(log.item(r))) {
                    counts.merge(s, 1, Integer::sum);
                }
            });
            double sum = 0;
            for (var e : counts.entrySet()) {
                double m = model.mastery(state, e.getKey()).probability();
                sum += m;
                if (e.getValue() >= 10) {
                    ceiling[0] += m;
                    ceiling[1]++;
                }
            }
            firstPass.add(new double[] {
                sum / syllabus.size(), end - start, syllabus.size(), counts.size(), sum / counts.size()
            });
        });
        double c = ceiling[1] > 0 ? ceiling[0] / ceiling[1] : Forecast.Prior.DEFAULT.ceiling();
        var provisional = new Forecast.Prior(0, 0, c, 0);
        firstPass.forEach(f -> {
            var student = new Forecast.Student(f[0], (int) f[1], (int) f[2], (int) f[3], f[4], List.of());
            double own = Forecast.ownRate(f[0], (int) f[1], (int) f[2], Forecast.ceiling(student, provisional));
            if (own > 0) {
                logs.add(Math.log(own));
            }
        });
        if (logs.size() < 2) {
            return new Forecast.Prior(
                    Forecast.Prior.DEFAULT.logRate(),
                    Forecast.Prior.DEFAULT.logSpread(),
                    c,
                    Forecast.Prior.DEFAULT.ceilingSpread());
        }
        double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(
                logs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / Math.max(1, logs.size() - 1));
        double meanPractised =
                firstPass.stream().mapToDouble(f -> f[4]).average().orElse(c);
        double ceilingSd = Math.sqrt(firstPass.stream()
                        .mapToDouble(f -> (f[4] - meanPractised) * (f[4] - meanPractised))
                        .sum()
                / Math.max(1, firstPass.size() - 1));
        return new Forecast.Prior(mean, sd, c, ceilingSd);
    }

    /** Cut each student at a share of their answers; forecast the answers that followed. */
    BacktestErrors.Result byAnswers(AttemptLog log, Forecast.Prior prior, double cutShare, int minAnswers) {
        var errors = new BacktestErrors();
        students(log, (start, end) -> {
            int n = end - start;
            if (n < minAnswers) {
                return;
            }
            int cut = start + (int) Math.floor(n * cutShare);
            var syllabus = syllabus(log, start, end);
            var state = model.newState();
            var practised = new HashSet<Integer>();
            replay(log, start, cut, state, r -> add(practised, log.item(r)));
            double before = courseMastery(state, practised, syllabus.size());
            var student = new Forecast.Student(
                    before,
                    cut - start,
                    syllabus.size(),
                    practised.size(),
                    before * syllabus.size() / Math.max(1, practised.size()),
                    List.of());
            int h = end - cut;
            var forecast = Forecast.afterAnswers(student, prior, settings, h, start);
            var own = Forecast.afterAnswers(student, prior, withPrior(1), h, start);
            var cohort = Forecast.afterAnswers(student, prior, withPrior(1_000_000_000), h, start);
            replay(log, cut, end, state, r -> add(practised, log.item(r)));
            errors.add(h, before, courseMastery(state, practised, syllabus.size()), forecast, own, cohort);
        });
        return errors.result(String.format(java.util.Locale.ROOT, "answers after a cut at %.0f%%", 100 * cutShare));
    }

    /** Cut each student in the middle of their time span; forecast course mastery a number of days later. */
    BacktestErrors.Result byDays(AttemptLog log, Forecast.Prior prior, int days, int recentWeeks, int minAnswers) {
        var errors = new BacktestErrors();
        long lastOfLog = 0;
        for (int r = 0; r < log.size(); r++) {
            lastOfLog = Math.max(lastOfLog, log.time(r));
        }
        long horizonEnd = lastOfLog;
        students(log, (start, end) -> {
            long first = log.time(start);
            long cutTime = first + (log.time(end - 1) - first) / 2;
            long target = cutTime + days * 86_400L;
            int cut = start;
            while (cut < end && log.time(cut) <= cutTime) {
                cut++;
            }
            if (cut - start < minAnswers || target > horizonEnd) {
                return;
            }
            var syllabus = syllabus(log, start, end);
            var state = model.newState();
            var practised = new HashSet<Integer>();
            replay(log, start, cut, state, r -> add(practised, log.item(r)));
            double before = courseMastery(state, practised, syllabus.size());
            var weeks = weeks(log, start, cut, cutTime, recentWeeks);
            var student = new Forecast.Student(
                    before,
                    cut - start,
                    syllabus.size(),
                    practised.size(),
                    before * syllabus.size() / Math.max(1, practised.size()),
                    weeks);
            int[] horizon = {days};
            var forecast =
                    Forecast.forecast(student, prior, settings, horizon, start).getFirst();
            var own = Forecast.forecast(student, prior, withPrior(1), horizon, start)
                    .getFirst();
            var cohort = Forecast.forecast(student, prior, withPrior(1_000_000_000), horizon, start)
                    .getFirst();
            int later = cut;
            while (later < end && log.time(later) <= target) {
                later++;
            }
            replay(log, cut, later, state, r -> add(practised, log.item(r)));
            errors.add(days, before, courseMastery(state, practised, syllabus.size()), forecast, own, cohort);
        });
        return errors.result(days + " days after a cut mid-history");
    }

    private Forecast.Settings withPrior(int priorAnswers) {
        return new Forecast.Settings(
                priorAnswers, settings.halfLifeDays(), settings.interval(), settings.samples(), settings.spreadScale());
    }

    private static List<Forecast.Week> weeks(AttemptLog log, int start, int cut, long cutTime, int count) {
        var today = LocalDate.ofInstant(Instant.ofEpochSecond(cutTime), ZoneOffset.UTC);
        var firstDay = LocalDate.ofInstant(Instant.ofEpochSecond(log.time(start)), ZoneOffset.UTC);
        var weeks = new ArrayList<Forecast.Week>();
        for (int w = count - 1; w >= 0; w--) {
            var endDay = today.minusDays(7L * w);
            var startDay = endDay.minusDays(6);
            if (endDay.isBefore(firstDay)) {
                continue;
            }
            int answers = 0;
            var active = new HashSet<LocalDate>();
            for (int r = start; r < cut; r++) {
                var day = LocalDate.ofInstant(Instant.ofEpochSecond(log.time(r)), ZoneOffset.UTC);
                if (!day.isBefore(startDay) && !day.isAfter(endDay)) {
                    answers++;
                    active.add(day);
                }
            }
            weeks.add(new Forecast.Week(answers, active.size()));
        }
        return weeks;
    }

    private double courseMastery(StudentState state, Set<Integer> practised, int syllabus) {
        double sum = 0;
        for (int s : practised) {
            sum += model.mastery(state, s).probability();
        }
        return sum / Math.max(1, syllabus);
    }

    private void add(Set<Integer> practised, int item) {
        for (int s : skills.skillsOf(item)) {
            practised.add(s);
        }
    }

    private Set<Integer> syllabus(AttemptLog log, int start, int end) {
        var all = new HashSet<Integer>();
        for (int r = start; r < end; r++) {
            add(all, log.item(r));
        }
        return all;
    }

    private void replay(AttemptLog log, int from, int to, StudentState state, IntConsumer each) {
        for (int r = from; r < to; r++) {
            model.update(state, log.item(r), log.correct(r), log.time(r));
            each.accept(r);
        }
    }

    interface Span {
        void accept(int start, int end);
    }

    /** Each student's rows: a log groups them together. */
    static void students(AttemptLog log, Span span) {
        int start = 0;
        for (int r = 1; r <= log.size(); r++) {
            if (r == log.size() || log.student(r) != log.student(start)) {
                span.accept(start, r);
                start = r;
            }
        }
    }
}
