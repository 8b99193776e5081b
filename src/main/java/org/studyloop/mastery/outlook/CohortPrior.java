package org.studyloop.mastery.outlook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.mastery.bank.CourseGraphs;

/**
 * The cohort's learning rates, the prior of every student's forecast: for the most recently active
 * students, κ from their course mastery and answers ({@link Forecast#ownRate}), summarised as the
 * mean and spread of log κ; and the ceiling, the mean mastery of skills practised at least ten
 * times. Recomputed at most hourly; {@link Forecast.Prior#DEFAULT} while the cohort is small.
 */
@Component
class CohortPrior {

    static final int STUDENTS = 2_000;
    static final int MIN_STUDENTS = 20;
    static final int MIN_ANSWERS = 10;

    private final JdbcClient jdbc;
    private final CourseGraphs graphs;
    private final Cache<String, Forecast.Prior> cache =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();

    CohortPrior(JdbcClient jdbc, CourseGraphs graphs) {
        this.jdbc = jdbc;
        this.graphs = graphs;
    }

    Forecast.Prior get() {
        return cache.get("prior", key -> compute());
    }

    private Forecast.Prior compute() {
        var mastery = new HashMap<UUID, Map<SkillId, Double>>();
        var answers = new HashMap<UUID, Integer>();
        double[] ceiling = {0, 0};
        jdbc.sql("""
                        with recent as (select student_id, answers from mastery.learners
                                        order by last_at desc limit ?)
                        select s.student_id, s.skill_id, s.mastery, s.answers, r.answers as total
                        from mastery.skill_states s join recent r using (student_id)""").param(STUDENTS).query((ResultSet rs) -> {
            var student = rs.getObject("student_id", UUID.class);
            mastery.computeIfAbsent(student, k -> new HashMap<>())
                    .put(new SkillId(rs.getObject("skill_id", UUID.class)), rs.getDouble("mastery"));
            answers.put(student, rs.getInt("total"));
            if (rs.getInt("answers") >= MIN_ANSWERS) {
                ceiling[0] += rs.getDouble("mastery");
                ceiling[1]++;
            }
        });
        double c = ceiling[1] >= 30 ? ceiling[0] / ceiling[1] : Forecast.Prior.DEFAULT.ceiling();
        var directory = graphs.skills();
        var logs = new ArrayList<Double>();
        var practisedMeans = new ArrayList<Double>();
        mastery.forEach((student, skills) -> {
            int n = answers.get(student);
            if (n < MIN_ANSWERS) {
                return;
            }
            Set<CourseId> courses = new HashSet<>();
            skills.keySet().stream()
                    .map(directory::get)
                    .filter(java.util.Objects::nonNull)
                    .forEach(e -> courses.add(e.courseId()));
            var courseSkills = courses.stream()
                    .map(graphs::course)
                    .flatMap(java.util.Optional::stream)
                    .flatMap(g -> g.order().stream())
                    .distinct()
                    .toList();
            if (courseSkills.isEmpty()) {
                return;
            }
            var practised = courseSkills.stream()
                    .filter(skills::containsKey)
                    .mapToDouble(skills::get)
                    .toArray();
            double m = java.util.Arrays.stream(practised).sum() / courseSkills.size();
            var state = new Forecast.Student(
                    m,
                    n,
                    courseSkills.size(),
                    practised.length,
                    java.util.Arrays.stream(practised).average().orElse(0),
                    List.of());
            double own = Forecast.ownRate(m, n, courseSkills.size(), Forecast.ceiling(state, provisional(c)));
            if (own > 0) {
                logs.add(Math.log(own));
                practisedMeans.add(state.practisedMastery());
            }
        });
        return summarise(logs, c, standardDeviation(practisedMeans));
    }

    private static Forecast.Prior provisional(double ceiling) {
        return new Forecast.Prior(Forecast.Prior.DEFAULT.logRate(), Forecast.Prior.DEFAULT.logSpread(), ceiling, 0);
    }

    /** The prior from the cohort's log κ: their mean and spread (kept within [0.3, 1.5]). */
    static Forecast.Prior summarise(List<Double> logs, double ceiling, double ceilingSpread) {
        if (logs.size() < MIN_STUDENTS) {
            return new Forecast.Prior(
                    Forecast.Prior.DEFAULT.logRate(),
                    Forecast.Prior.DEFAULT.logSpread(),
                    ceiling,
                    Forecast.Prior.DEFAULT.ceilingSpread());
        }
        double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Forecast.Prior(
                mean, Math.min(1.5, Math.max(0.3, standardDeviation(logs))), ceiling, Math.max(0.02, ceilingSpread));
    }

    static double standardDeviation(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return Math.sqrt(
                values.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (values.size() - 1));
    }
}
