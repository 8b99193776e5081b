package org.studyloop.practice.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.UserId;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.SessionFinished;
import org.studyloop.practice.SessionId;
import org.studyloop.practice.bank.ItemBank;
import org.studyloop.shared.ProblemException;

/** Finishing a session, reading one, and a student's history. */
@Service
public class Reports {

    private final Sessions sessions;
    private final Attempts attempts;
    private final ItemBank bank;
    private final Classroom classroom;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reports(
            Sessions sessions,
            Attempts attempts,
            ItemBank bank,
            Classroom classroom,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.bank = bank;
        this.classroom = classroom;
        this.events = events;
        this.clock = clock;
    }

    /** Ends the session (again, harmlessly) and gives its report, grades and solutions included. */
    @Transactional
    public SessionReport finish(Actor actor, SessionId id) {
        var session = sessions.lock(id).filter(s -> actor.is(s.student())).orElseThrow(() -> missing(id));
        if (!session.isFinished()) {
            session.finish(clock.instant());
            sessions.save(session);
            events.publishEvent(new SessionFinished(
                    session.student(),
                    id,
                    session.mode(),
                    session.assignmentId(),
                    session.answers(),
                    score(session),
                    session.finishedAt().orElseThrow()));
        }
        return report(session);
    }

    /** The session for its student, or for a teacher, parent or administrator who may see the student. */
    @Transactional(readOnly = true)
    public SessionReport read(Actor actor, SessionId id) {
        var session = sessions.find(id)
                .filter(s -> classroom.mayAccessLearner(actor, s.student()))
                .orElseThrow(() -> missing(id));
        return report(session);
    }

    /** A student's sessions, newest first, as summaries without their answers. */
    @Transactional(readOnly = true)
    public List<SessionReport> history(Actor actor, UserId student, int limit, int offset) {
        classroom.requireLearnerAccess(actor, student);
        return sessions.ofStudent(student, limit, offset).stream()
                .map(s -> summary(report(s)))
                .toList();
    }

    /** The results of the assignment's sessions, for its teacher. */
    @Transactional(readOnly = true)
    public List<SessionReport> ofAssignment(AssignmentId assignment) {
        return sessions.ofAssignment(assignment).stream()
                .map(s -> summary(report(s)))
                .toList();
    }

    private static SessionReport summary(SessionReport r) {
        return new SessionReport(
                r.sessionId(),
                r.studentId(),
                r.mode(),
                r.courseId(),
                r.assignmentId(),
                r.startedAt(),
                r.finishedAt(),
                r.deadline(),
                r.remainingSeconds(),
                r.planned(),
                r.answered(),
                r.correct(),
                r.score(),
                r.sections(),
                r.skills(),
                List.of(),
                null,
                null,
                r.ability());
    }

    private static ProblemException missing(SessionId id) {
        return ProblemException.notFound("There is no session " + id + ".");
    }

    static double score(PracticeSession session) {
        var planned = session.isPlanned() ? session.plan().size() : session.answers();
        return planned == 0 ? 0 : Math.min(1, session.credit() / planned);
    }

    SessionReport report(PracticeSession session) {
        var now = clock.instant();
        // Until an exam ends, its report says what was answered, never how well.
        var hidden = session.mode().isExam() && !session.isFinished() && !session.timeUp(now);
        var lines = attempts.ofSession(session.id());
        var byItem = new HashMap<ItemId, Attempts.Attempt>();
        lines.forEach(a -> byItem.put(a.itemId(), a));
        var names = skillNames(session);
        var sections = new ArrayList<SessionReport.SectionResult>();
        var sectionOf = new HashMap<ItemId, String>();
        var start = 0;
        for (var section : session.sections()) {
            var slice = session.plan().subList(start, Math.min(session.plan().size(), start + section.items()));
            slice.forEach(i -> sectionOf.put(i, section.title()));
            start += section.items();
            var answered = slice.stream().filter(byItem::containsKey).toList();
            var correct = (int) answered.stream()
                    .filter(i -> "CORRECT".equals(byItem.get(i).outcome()))
                    .count();
            var credit =
                    answered.stream().mapToDouble(i -> byItem.get(i).credit()).sum();
            sections.add(new SessionReport.SectionResult(
                    section.title(),
                    slice.size(),
                    answered.size(),
                    hidden ? null : correct,
                    hidden ? null : slice.isEmpty() ? 0.0 : credit / slice.size()));
        }
        var skills = skillResults(session, lines, names, hidden);
        var planned = session.isPlanned() ? session.plan().size() : session.answers();
        var correct =
                (int) lines.stream().filter(a -> "CORRECT".equals(a.outcome())).count();
        var answerLines = lines.stream()
                .map(a -> new SessionReport.AnswerLine(
                        a.itemId().value(),
                        a.answeredAt(),
                        a.response(),
                        hidden ? null : a.outcome(),
                        hidden ? null : a.score(),
                        hidden ? null : a.credit(),
                        a.hintsUsed(),
                        a.elapsedMs(),
                        hidden
                                ? null
                                : bank.item(a.itemId())
                                        .map(ItemSnapshot::solution)
                                        .orElse(null)))
                .toList();
        var open = !session.isFinished() && !session.timeUp(now);
        return new SessionReport(
                session.id().value(),
                session.student().value(),
                session.mode().name(),
                session.courseId().map(c -> c.value()).orElse(null),
                session.assignmentId().map(AssignmentId::value).orElse(null),
                session.startedAt(),
                session.finishedAt().orElse(null),
                session.deadline().orElse(null),
                session.deadline()
                        .map(d -> Math.max(0, Duration.between(now, d).toSeconds()))
                        .orElse(null),
                planned,
                session.answers(),
                hidden ? null : correct,
                hidden ? null : score(session),
                sections,
                skills,
                answerLines,
                open
                        ? session.current()
                                .flatMap(bank::item)
                                .map(StudentItem::of)
                                .orElse(null)
                        : null,
                session.isPlanned()
                        ? session.plan().stream()
                                .flatMap(i -> bank.item(i).stream())
                                .map(i -> new SessionReport.PlannedItem(
                                        StudentItem.of(i), byItem.containsKey(i.itemId()), sectionOf.get(i.itemId())))
                                .toList()
                        : null,
                hidden ? null : session.adaptive().map(a -> ability(a, session)).orElse(null));
    }

    /** An adaptive exam's estimate, and whether the test stopped by its own rule. */
    private static SessionReport.@Nullable Ability ability(AdaptivePlan plan, PracticeSession session) {
        if (plan.ability() == null || plan.standardError() == null) {
            return null;
        }
        double error = plan.standardError();
        return new SessionReport.Ability(
                plan.ability(),
                error,
                session.answers(),
                plan.targetStandardError(),
                plan.maxItems(),
                error <= plan.targetStandardError() || session.answers() >= plan.maxItems());
    }

    private List<SessionReport.SkillResult> skillResults(
            PracticeSession session, List<Attempts.Attempt> lines, Map<SkillId, String> names, boolean hidden) {
        var items = new LinkedHashMap<SkillId, int[]>();
        var credit = new HashMap<SkillId, Double>();
        if (session.isPlanned()) {
            for (var planned : session.plan()) {
                bank.item(planned)
                        .ifPresent(i -> i.skillIds().forEach(s -> items.computeIfAbsent(s, k -> new int[3])[0]++));
            }
        }
        for (var attempt : lines) {
            for (var skill : attempt.skillIds()) {
                var counts = items.computeIfAbsent(skill, k -> new int[3]);
                if (!session.isPlanned()) {
                    counts[0]++;
                }
                counts[1]++;
                if ("CORRECT".equals(attempt.outcome())) {
                    counts[2]++;
                }
                credit.merge(skill, attempt.credit(), Double::sum);
            }
        }
        return items.entrySet().stream()
                .map(e -> new SessionReport.SkillResult(
                        e.getKey().value(),
                        names.get(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1],
                        hidden ? null : e.getValue()[2],
                        hidden
                                ? null
                                : e.getValue()[0] == 0 ? 0.0 : credit.getOrDefault(e.getKey(), 0.0) / e.getValue()[0]))
                .toList();
    }

    private Map<SkillId, String> skillNames(PracticeSession session) {
        var names = new HashMap<SkillId, String>();
        session.courseId()
                .flatMap(bank::course)
                .ifPresent(c -> c.outline().skills().forEach(s -> names.put(s.skillId(), s.name())));
        return names;
    }
}
