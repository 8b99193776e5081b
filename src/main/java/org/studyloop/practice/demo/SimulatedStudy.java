package org.studyloop.practice.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.Actor;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.SessionId;
import org.studyloop.practice.SessionMode;
import org.studyloop.practice.bank.ItemBank;
import org.studyloop.practice.session.Answers;
import org.studyloop.practice.session.Hints;
import org.studyloop.practice.session.Reports;
import org.studyloop.practice.session.SessionStarts;
import org.studyloop.practice.session.Start;
import org.studyloop.practice.session.StudentItem;
import org.studyloop.shared.SimulatedTime;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulated student's days of study, lived through the same services as the HTTP API: start a
 * session (adaptive, a review when one is due, the teacher's quiz while it is open), take a hint
 * when unsure, answer, go on to the item the learner model picked, finish. The
 * clock of this thread is pinned at each simulated moment, so attempts, mastery, reviews and
 * streaks carry the days on which they happened.
 */
@Component
class SimulatedStudy {

    /** How many days the cohort has been practising. */
    static final int DAYS = 21;

    private final SessionStarts starts;
    private final Answers answers;
    private final Hints hints;
    private final Reports reports;
    private final ItemBank bank;
    private final LearnerModel model;
    private final JsonMapper json;

    SimulatedStudy(
            SessionStarts starts,
            Answers answers,
            Hints hints,
            Reports reports,
            ItemBank bank,
            LearnerModel model,
            JsonMapper json) {
        this.starts = starts;
        this.answers = answers;
        this.hints = hints;
        this.reports = reports;
        this.bank = bank;
        this.model = model;
        this.json = json;
    }

    /**
     * The days before {@code today}, oldest first, taking each open quiz at most once; gives the
     * answers recorded.
     */
    int live(
            Actor student,
            SimulatedLearner learner,
            CourseId course,
            List<DemoAssignments.Quiz> quizzes,
            LocalDate today,
            Random random) {
        var toDo = new ArrayList<>(quizzes);
        var first = today.minusDays(DAYS);
        var origin = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        var recorded = 0;
        // The days come from their own stream: what happens within a session depends on the items
        // practice serves (chosen with the session's id), and must not move a student's calendar.
        var calendar = new Random(random.nextLong());
        try {
            for (var day = 0; day < DAYS; day++) {
                if (!learner.practisesOn(day, calendar)) {
                    continue;
                }
                var start = first.plusDays(day)
                        .atTime(15, 0)
                        .toInstant(ZoneOffset.UTC)
                        .plus(Duration.ofMinutes(random.nextInt(300)));
                SimulatedTime.pin(start);
                if (day >= 7
                        && random.nextDouble() < 0.4
                        && !model.dueReviews(student.userId(), start, 1).isEmpty()) {
                    recorded += session(student, learner, reviewing(), 6, origin, random);
                }
                for (var quiz : List.copyOf(toDo)) {
                    if (day >= quiz.firstDay() && day <= quiz.lastDay() && random.nextDouble() < quiz.willingness()) {
                        recorded += session(student, learner, quiz(quiz), Integer.MAX_VALUE, origin, random);
                        toDo.remove(quiz);
                    }
                }
                var length = Math.max(4, learner.profile().itemsPerSession() + random.nextInt(7) - 3);
                recorded += session(student, learner, adaptive(course), length, origin, random);
            }
        } finally {
            SimulatedTime.release();
        }
        return recorded;
    }

    private int session(
            Actor student, SimulatedLearner learner, Start start, int length, Instant origin, Random random) {
        var started = starts.start(student, start);
        var session = new SessionId(started.sessionId());
        var next = Optional.ofNullable(started.nextItem()).map(StudentItem::itemId);
        var recorded = 0;
        while (next.isPresent() && recorded < length) {
            var item = bank.item(new ItemId(next.get())).orElseThrow();
            var now = SimulatedTime.pinned().orElseThrow();
            var when = Duration.between(origin, now).toMinutes() / 1440.0;
            var difficulty = item.difficulty() == null ? 0.0 : item.difficulty();
            var guess = Responses.guess(item);
            var chance = learner.chance(item.skillIds(), difficulty, guess, 0, when);
            var hintsTaken = 0;
            while (hintsTaken < item.hints().size()
                    && chance < 0.5
                    && random.nextDouble() < learner.profile().hintPropensity()) {
                SimulatedTime.advance(Duration.ofSeconds(10 + random.nextInt(20)));
                hints.next(student, session, item.itemId());
                hintsTaken++;
                chance = learner.chance(item.skillIds(), difficulty, guess, hintsTaken, when);
            }
            var right = random.nextDouble() < chance;
            var response = Responses.answer(item, right, random);
            if (response.isEmpty()) {
                break;
            }
            var elapsed = Duration.ofSeconds(Math.round((20 + 70 * (1 - chance)) * (0.6 + random.nextDouble())));
            SimulatedTime.advance(elapsed);
            var body = answers.submit(
                    student,
                    session,
                    new Answers.Submission(
                            item.itemId(), response.get(), UUID.randomUUID().toString(), elapsed.toMillis()));
            learner.learn(item.skillIds(), right, when);
            recorded++;
            var nextItem = json.readTree(body).path("nextItem").path("itemId");
            next = nextItem.isMissingNode() || nextItem.isNull()
                    ? Optional.empty()
                    : Optional.of(UUID.fromString(nextItem.asString()));
            SimulatedTime.advance(Duration.ofSeconds(3 + random.nextInt(10)));
        }
        reports.finish(student, session);
        return recorded;
    }

    private static Start adaptive(CourseId course) {
        return new Start(
                SessionMode.ADAPTIVE,
                Optional.of(course),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    private static Start quiz(DemoAssignments.Quiz quiz) {
        return new Start(
                SessionMode.QUIZ,
                Optional.empty(),
                List.of(),
                Optional.of(quiz.id()),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    private static Start reviewing() {
        return new Start(
                SessionMode.REVIEW,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }
}
