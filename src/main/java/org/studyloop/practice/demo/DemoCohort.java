package org.studyloop.practice.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.practice.Practice;
import org.studyloop.practice.demo.SimulatedLearner.Profile;
import org.studyloop.shared.DemoMode;

/**
 * Gives the demo class three weeks of history on a fresh demo start: the demo student and the
 * fifteen students of {@link DemoMode#COHORT} practise the SAT algebra course through the real
 * answer loop, each simulated with their own ability, learning rate, diligence and habits; three of
 * them stop practising part-way, as real students do. A student who already has answers is left
 * alone, so restarts change nothing; each student's weeks are one transaction, so an interrupted
 * start leaves no half-simulated student behind. Runs after the bundled packs are imported (order
 * {@value #ORDER}) and before the application reports itself ready.
 */
@Component
@Order(DemoCohort.ORDER)
class DemoCohort implements ApplicationRunner {

    static final int ORDER = 1_000;
    static final String COURSE = "sat-math-algebra";

    private static final Logger log = LoggerFactory.getLogger(DemoCohort.class);

    private final SimulatedStudy study;
    private final DemoAssignments assignments;
    private final Identity identity;
    private final Catalog catalog;
    private final Practice practice;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final Clock clock;

    DemoCohort(
            SimulatedStudy study,
            DemoAssignments assignments,
            Identity identity,
            Catalog catalog,
            Practice practice,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            Environment environment,
            Clock clock) {
        this.study = study;
        this.assignments = assignments;
        this.identity = identity;
        this.catalog = catalog;
        this.practice = practice;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.cohortOn(environment) || environment.getProperty("studyloop.command") != null) {
            return;
        }
        var course = catalog.courses().stream()
                .filter(id ->
                        catalog.course(id).filter(c -> c.key().equals(COURSE)).isPresent())
                .findFirst();
        if (course.isEmpty()) {
            log.warn("The demo cohort needs the bundled course {}; none simulated", COURSE);
            return;
        }
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ensurePartitions(today);
        var emails = new ArrayList<String>();
        emails.add(DemoMode.STUDENT);
        DemoMode.COHORT.forEach(member -> emails.add(member.email()));
        var profiles = profiles();
        var began = System.nanoTime();
        var students = 0;
        var answers = 0;
        List<DemoAssignments.Quiz> quizzes = null;
        for (var i = 0; i < emails.size(); i++) {
            var student = actor(emails.get(i));
            if (student.isEmpty() || practice.totals(student.get().userId()).totalAnswers() > 0) {
                continue;
            }
            if (quizzes == null) {
                log.info(
                        "Simulating the demo class's last {} days (first start only; a minute or so)…",
                        SimulatedStudy.DAYS);
                quizzes = quizzes(course.get(), today);
            }
            var learner = new SimulatedLearner(profiles.get(i));
            var random = new Random(20_261_101L + i);
            var toTake = quizzes;
            var recorded = transactions.execute(
                    status -> study.live(student.get(), learner, course.get(), toTake, today, random));
            students++;
            answers += recorded == null ? 0 : recorded;
        }
        if (students > 0) {
            log.info(
                    "Simulated {} days of the demo class: {} students, {} answers, in {} s",
                    SimulatedStudy.DAYS,
                    students,
                    answers,
                    (System.nanoTime() - began) / 1_000_000_000);
        }
    }

    /**
     * The demo student first (steady, average), then the cohort: abilities spread evenly from −2.6
     * to +0.6 logits in a shuffled order (the bundled items are easy, their mean prior −0.6), learning rates, diligence, session lengths and hint habits
     * drawn from one seeded generator, so every fresh demo has the same class; students 4, 9 and 13
     * stop after days 8, 11 and 13 of 21, which the risk watch should notice.
     */
    static List<Profile> profiles() {
        var random = new Random(7);
        var profiles = new ArrayList<Profile>();
        profiles.add(new Profile(-0.6, 0.5, 0.75, 12, 0.4, SimulatedStudy.DAYS - 1));
        var size = DemoMode.COHORT.size();
        var order = new ArrayList<Integer>();
        for (var i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (var i = 0; i < size; i++) {
            var ability = -2.6 + 3.2 * order.get(i) / (size - 1);
            var lastDay = switch (i) {
                case 3 -> 8;
                case 8 -> 11;
                case 12 -> 13;
                default -> SimulatedStudy.DAYS - 1;
            };
            profiles.add(new Profile(
                    ability,
                    0.3 + 0.4 * random.nextDouble(),
                    0.35 + 0.55 * random.nextDouble(),
                    8 + random.nextInt(9),
                    0.1 + 0.5 * random.nextDouble(),
                    lastDay));
        }
        return profiles;
    }

    private List<DemoAssignments.Quiz> quizzes(CourseId course, LocalDate today) {
        var teacher = actor(DemoMode.TEACHER);
        var student = actor(DemoMode.STUDENT);
        return teacher.isPresent() && student.isPresent()
                ? assignments.set(teacher.get(), student.get(), course, today)
                : List.of();
    }

    /** Attempts are partitioned by month, and the first simulated day may be in last month. */
    private void ensurePartitions(LocalDate today) {
        var first = today.minusDays(SimulatedStudy.DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
        jdbc.sql("select practice.ensure_attempts_partition(?)")
                .param(Timestamp.from(first))
                .query(String.class)
                .single();
    }

    private Optional<Actor> actor(String email) {
        return identity.findByEmail(email)
                .flatMap(identity::account)
                .map(account -> new Actor(account.userId(), account.roles()));
    }
}
