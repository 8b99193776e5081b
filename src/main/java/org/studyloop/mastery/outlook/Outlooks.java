package org.studyloop.mastery.outlook;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.bank.CourseGraphs;
import org.studyloop.mastery.bank.StudentCourses;
import org.studyloop.mastery.online.LearnerStore;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.mastery.online.ModelParameters;

/**
 * A student's outlook as of now: course mastery over the courses that count for them (the mean
 * over the courses' skills, a skill without evidence at 0, each skill's mastery as the mastery
 * endpoint shows it), their recent weeks, the forecast at +30/60/90 days and the risk.
 */
@Component
public class Outlooks {

    public static final int[] HORIZONS = {30, 60, 90};

    /**
     * @param answers the student's answers, all courses together
     * @param ratePerAnswer the expected course mastery gained by one answer at mastery 0
     */
    public record Outlook(
            List<CourseGraphs.Graph> courses,
            double mastery,
            int answers,
            int skills,
            List<Forecast.Week> recentWeeks,
            Optional<Instant> lastAnswerAt,
            double ratePerAnswer,
            List<Forecast.Point> forecast,
            Risk risk,
            Optional<SkillId> weakestSkill,
            Optional<String> weakestSkillName) {}

    private final LearnerStore store;
    private final ModelParameters parameters;
    private final StudentCourses courses;
    private final CohortPrior prior;
    private final JdbcClient jdbc;
    private final MasteryProperties.Outlook settings;
    private final Clock clock;

    Outlooks(
            LearnerStore store,
            ModelParameters parameters,
            StudentCourses courses,
            CohortPrior prior,
            JdbcClient jdbc,
            MasteryProperties properties,
            Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.courses = courses;
        this.prior = prior;
        this.jdbc = jdbc;
        this.settings = properties.outlook();
        this.clock = clock;
    }

    public Outlook of(UserId student) {
        var now = clock.instant();
        var snapshot = store.load(student, false);
        var version = parameters.current();
        var graphs = courses.of(student, snapshot.skills().keySet());
        var skills = graphs.stream().flatMap(g -> g.order().stream()).distinct().toList();
        long time = now.getEpochSecond();
        var levels = new java.util.LinkedHashMap<SkillId, Double>();
        for (var s : skills) {
            var trace = snapshot.trace(s);
            if (trace.answers() > 0) {
                levels.put(s, version.model().mastery(snapshot.learner(), trace, version.easiness(s), time));
            }
        }
        double mastery = skills.isEmpty()
                ? 0
                : levels.values().stream().mapToDouble(Double::doubleValue).sum() / skills.size();
        var weakest = levels.entrySet().stream()
                .min(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey);
        var days = answerDays(student, now);
        var weeks = weeks(days, now, settings.recentWeeks());
        int answers = snapshot.learner().answers();
        var lastAnswerAt = days.isEmpty()
                ? Optional.<Instant>empty()
                : Optional.of(days.getLast().last());
        var state = new Forecast.Student(
                mastery,
                answers,
                Math.max(1, skills.size()),
                levels.size(),
                levels.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0),
                weeks);
        var cohort = prior.get();
        var forecast = Forecast.forecast(
                state,
                cohort,
                new Forecast.Settings(
                        settings.priorAnswers(),
                        settings.forgettingHalfLife().toHours() / 24.0,
                        settings.interval(),
                        settings.samples(),
                        settings.rateSpreadScale()),
                java.util.stream.IntStream.concat(
                                java.util.Arrays.stream(HORIZONS), java.util.stream.IntStream.of(settings.targetDays()))
                        .distinct()
                        .toArray(),
                student.value().getMostSignificantBits() ^ answers);
        var atTarget = forecast.stream()
                .filter(p -> p.days() == settings.targetDays())
                .findFirst()
                .orElseThrow();
        var risk = Risk.assess(
                new Risk.Facts(answers, lastAnswerAt, mastery, masteryTwoWeeksAgo(student, now), atTarget),
                now,
                settings);
        var shown = forecast.stream()
                .filter(p -> java.util.Arrays.stream(HORIZONS).anyMatch(h -> h == p.days()))
                .toList();
        var rate = Forecast.rate(state, cohort, settings.priorAnswers());
        return new Outlook(
                graphs,
                mastery,
                answers,
                skills.size(),
                weeks,
                lastAnswerAt,
                rate.perAnswer(state.skills()) * Forecast.ceiling(state, cohort),
                shown,
                risk,
                weakest,
                weakest.flatMap(w -> graphs.stream()
                        .map(g -> g.names().get(w))
                        .filter(java.util.Objects::nonNull)
                        .findFirst()));
    }

    /** A UTC day with answers: how many, and the last one's time. */
    record AnswerDay(LocalDate day, int answers, Instant last) {}

    private List<AnswerDay> answerDays(UserId student, Instant now) {
        return jdbc.sql("""
                        select (answered_at at time zone 'UTC')::date as day, count(*)::int as answers,
                               max(answered_at) as last
                        from mastery.evidence where student_id = ? and answered_at <= ?
                        group by 1 order by 1""")
                .params(student.value(), Timestamp.from(now))
                .query((rs, n) -> new AnswerDay(
                        rs.getDate("day").toLocalDate(),
                        rs.getInt("answers"),
                        rs.getTimestamp("last").toInstant()))
                .list();
    }

    /**
     * The last {@code count} 7-day windows ending today, oldest first, leaving out those that end
     * before the student's first answer: a student who began three days ago has one week, of three
     * days' practice.
     */
    static List<Forecast.Week> weeks(List<AnswerDay> days, Instant now, int count) {
        if (days.isEmpty()) {
            return List.of();
        }
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var first = days.getFirst().day();
        var weeks = new ArrayList<Forecast.Week>();
        for (int w = count - 1; w >= 0; w--) {
            var end = today.minusDays(7L * w);
            var start = end.minusDays(6);
            if (end.isBefore(first)) {
                continue;
            }
            int answers = 0;
            int active = 0;
            for (var d : days) {
                if (!d.day().isBefore(start) && !d.day().isAfter(end)) {
                    answers += d.answers();
                    active++;
                }
            }
            weeks.add(new Forecast.Week(answers, active));
        }
        return weeks;
    }

    /** The course mastery stored nearest to 14 days ago, between 7 and 21 days ago. */
    private Optional<Double> masteryTwoWeeksAgo(UserId student, Instant now) {
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return jdbc.sql("""
                        select mastery from mastery.course_mastery_days
                        where student_id = ? and day between ? and ?
                        order by abs(day - ?::date), day limit 1""")
                .params(
                        student.value(),
                        Date.valueOf(today.minusDays(21)),
                        Date.valueOf(today.minusDays(7)),
                        Date.valueOf(today.minusDays(14)))
                .query(Double.class)
                .optional();
    }
}
