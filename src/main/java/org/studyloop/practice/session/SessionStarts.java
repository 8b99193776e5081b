package org.studyloop.practice.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.PracticeProblems;
import org.studyloop.practice.SessionId;
import org.studyloop.practice.SessionMode;
import org.studyloop.practice.assignment.Assignments;
import org.studyloop.practice.bank.ItemBank;
import org.studyloop.shared.ProblemException;

/** Starts sessions: works out a session's scope or plan from what the student asked, and its first item. */
@Service
public class SessionStarts {

    /** Items a quiz draws when no count is given. */
    static final int DEFAULT_QUIZ_ITEMS = 10;
    /** A mock exam's default time per item, as in timed tests of about 1 to 1.5 minutes a question. */
    static final Duration DEFAULT_TIME_PER_ITEM = Duration.ofSeconds(90);

    private final Sessions sessions;
    private final Attempts attempts;
    private final Serving serving;
    private final ItemBank bank;
    private final Catalog catalog;
    private final Classroom classroom;
    private final Assignments assignments;
    private final LearnerModel model;
    private final Clock clock;

    SessionStarts(
            Sessions sessions,
            Attempts attempts,
            Serving serving,
            ItemBank bank,
            Catalog catalog,
            Classroom classroom,
            Assignments assignments,
            LearnerModel model,
            Clock clock) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.serving = serving;
        this.bank = bank;
        this.catalog = catalog;
        this.classroom = classroom;
        this.assignments = assignments;
        this.model = model;
        this.clock = clock;
    }

    @Transactional
    public SessionStarted start(Actor actor, Start start) {
        var now = clock.instant();
        var id = new SessionId(Hashes.newId());
        var random = new Random(id.value().getMostSignificantBits() ^ id.value().getLeastSignificantBits());
        if (start.adaptive() && start.mode() != SessionMode.EXAM) {
            throw ProblemException.invalid("adaptive", "only an EXAM can be adaptive");
        }
        if (start.maxItems().isPresent() && !start.adaptive()) {
            throw ProblemException.invalid("maxItems", "applies to an adaptive exam only");
        }
        var session = switch (start.mode()) {
            case ADAPTIVE -> adaptive(actor, id, start, now);
            case QUIZ -> quiz(actor, id, start, now, random);
            case EXAM -> exam(actor, id, start, now, random);
            case REVIEW -> review(actor, id, now);
        };
        var first = serving.next(session, null, now);
        if (first.isEmpty()) {
            throw new ProblemException(
                    PracticeProblems.NOTHING_TO_PRACTISE, "There is no published item to practise in this scope.");
        }
        sessions.add(session);
        return view(session, first.get(), now);
    }

    private PracticeSession adaptive(Actor actor, SessionId id, Start start, Instant now) {
        var skills = scope(start);
        var answeredBefore = new HashSet<>(attempts.answeredBy(actor.userId()));
        answeredBefore.retainAll(new HashSet<>(bank.itemsOf(skills)));
        return PracticeSession.start(
                id,
                actor.userId(),
                SessionMode.ADAPTIVE,
                start.courseId().orElse(null),
                skills,
                null,
                List.of(),
                List.of(),
                answeredBefore,
                now,
                null,
                null);
    }

    private PracticeSession review(Actor actor, SessionId id, Instant now) {
        var due = model.dueReviews(actor.userId(), now, 20);
        if (due.isEmpty()) {
            throw new ProblemException(PracticeProblems.NOTHING_TO_PRACTISE, "Nothing is due for review now.");
        }
        var skills = new LinkedHashSet<SkillId>();
        due.forEach(d -> skills.add(d.skillId()));
        return PracticeSession.start(
                id,
                actor.userId(),
                SessionMode.REVIEW,
                null,
                List.copyOf(skills),
                null,
                List.of(),
                List.of(),
                Set.of(),
                now,
                null,
                null);
    }

    private PracticeSession quiz(Actor actor, SessionId id, Start start, Instant now, Random random) {
        if (start.assignmentId().isPresent()) {
            var assignment = assignments
                    .find(start.assignmentId().get())
                    .filter(a -> classroom.classesOf(actor.userId()).contains(a.classId()))
                    .orElseThrow(() -> ProblemException.notFound(
                            "There is no assignment " + start.assignmentId().get() + "."));
            var plan = concrete(assignment.items().stream()
                    .flatMap(i -> bank.item(i).stream())
                    .toList());
            return planned(id, actor, SessionMode.QUIZ, start, assignment.id(), plan, List.of(), now, null);
        }
        List<ItemId> plan;
        if (!start.itemIds().isEmpty()) {
            var chosen = new ArrayList<ItemSnapshot>();
            for (var i = 0; i < start.itemIds().size(); i++) {
                var itemId = start.itemIds().get(i);
                chosen.add(catalog.item(actor, itemId)
                        .orElseThrow(() -> ProblemException.invalid("itemIds", "there is no item " + itemId)));
            }
            plan = concrete(chosen);
        } else {
            var skills = scope(start);
            var count = start.count().orElse(DEFAULT_QUIZ_ITEMS);
            plan = draw(skills, count, random);
        }
        return planned(id, actor, SessionMode.QUIZ, start, null, plan, List.of(), now, null);
    }

    private PracticeSession exam(Actor actor, SessionId id, Start start, Instant now, Random random) {
        var course = start.courseId()
                .flatMap(bank::course)
                .orElseThrow(() -> ProblemException.invalid("courseId", "an exam needs the id of a course"));
        var blueprint = start.blueprint().orElseGet(() -> Blueprints.standard(course));
        var inCourse = new HashSet<>(course.skillOrder());
        if (start.adaptive()) {
            return adaptiveExam(actor, id, start, blueprint, inCourse, now);
        }
        var plan = new ArrayList<ItemId>();
        var sections = new ArrayList<PracticeSession.Section>();
        for (var s = 0; s < blueprint.sections().size(); s++) {
            var section = blueprint.sections().get(s);
            var before = plan.size();
            for (var k = 0; k < section.skills().size(); k++) {
                var wanted = section.skills().get(k);
                if (!inCourse.contains(wanted.skillId())) {
                    throw ProblemException.invalid(
                            "blueprint.sections[" + s + "].skills[" + k + "].skillId", "is not a skill of the course");
                }
                plan.addAll(draw(List.of(wanted.skillId()), wanted.count(), random).stream()
                        .filter(i -> !plan.contains(i))
                        .toList());
            }
            sections.add(new PracticeSession.Section(section.title(), plan.size() - before));
        }
        var limit = blueprint
                .timeLimitMinutes()
                .map(m -> Duration.ofMinutes(m))
                .orElse(DEFAULT_TIME_PER_ITEM.multipliedBy(Math.max(1, plan.size())));
        return planned(id, actor, SessionMode.EXAM, start, null, plan, sections, now, limit);
    }

    /**
     * An adaptive exam: no plan; the learner model gives each item by computerized adaptive testing,
     * each blueprint section getting its share (the item count it asks for), until the ability's
     * standard error reaches {@value AdaptivePlan#DEFAULT_TARGET_STANDARD_ERROR} or {@code maxItems}
     * are answered. The time limit follows from {@code maxItems} unless the blueprint sets one.
     */
    private PracticeSession adaptiveExam(
            Actor actor, SessionId id, Start start, Start.Blueprint blueprint, Set<SkillId> inCourse, Instant now) {
        var sections = new ArrayList<AdaptivePlan.Section>();
        for (var s = 0; s < blueprint.sections().size(); s++) {
            var section = blueprint.sections().get(s);
            for (var k = 0; k < section.skills().size(); k++) {
                if (!inCourse.contains(section.skills().get(k).skillId())) {
                    throw ProblemException.invalid(
                            "blueprint.sections[" + s + "].skills[" + k + "].skillId", "is not a skill of the course");
                }
            }
            sections.add(new AdaptivePlan.Section(
                    section.title(),
                    section.skills().stream().map(c -> c.skillId().value()).toList(),
                    section.skills().stream().mapToInt(Start.SkillCount::count).sum()));
        }
        var maxItems = start.maxItems().orElse(AdaptivePlan.DEFAULT_MAX_ITEMS);
        var limit = blueprint
                .timeLimitMinutes()
                .map(m -> Duration.ofMinutes(m))
                .orElse(DEFAULT_TIME_PER_ITEM.multipliedBy(maxItems));
        return PracticeSession.start(
                id,
                actor.userId(),
                SessionMode.EXAM,
                start.courseId().orElse(null),
                start.skillIds(),
                null,
                List.of(),
                List.of(),
                Set.of(),
                now,
                limit,
                new AdaptivePlan(maxItems, AdaptivePlan.DEFAULT_TARGET_STANDARD_ERROR, sections, null, null));
    }

    private PracticeSession planned(
            SessionId id,
            Actor actor,
            SessionMode mode,
            Start start,
            @Nullable AssignmentId assignment,
            List<ItemId> plan,
            List<PracticeSession.Section> sections,
            Instant now,
            @Nullable Duration limit) {
        return PracticeSession.start(
                id,
                actor.userId(),
                mode,
                start.courseId().orElse(null),
                start.skillIds(),
                assignment,
                plan,
                sections,
                Set.of(),
                now,
                limit,
                null);
    }

    /** The skills a session practises, in the course's prerequisite order when a course is given. */
    private List<SkillId> scope(Start start) {
        if (start.courseId().isEmpty()) {
            if (start.skillIds().isEmpty()) {
                throw ProblemException.invalid("courseId", "give a courseId, skillIds or both");
            }
            return start.skillIds();
        }
        var course = bank.course(start.courseId().get())
                .orElseThrow(() -> ProblemException.invalid(
                        "courseId", "there is no course " + start.courseId().get()));
        if (start.skillIds().isEmpty()) {
            return course.skillOrder();
        }
        for (var i = 0; i < start.skillIds().size(); i++) {
            if (!course.skillOrder().contains(start.skillIds().get(i))) {
                throw ProblemException.invalid("skillIds[" + i + "]", "is not a skill of the course");
            }
        }
        return ItemBank.inOrder(course, new HashSet<>(start.skillIds()));
    }

    /**
     * {@code count} items over the skills, taking the skills in turn (content balance) and a random
     * unused item of each; a template gives a fresh instance each time it is drawn.
     */
    private List<ItemId> draw(List<SkillId> skills, int count, Random random) {
        var pools = new ArrayList<List<ItemId>>();
        for (var skill : skills) {
            var pool = new ArrayList<>(bank.itemsOf(skill));
            Collections.shuffle(pool, random);
            pools.add(pool);
        }
        var plan = new ArrayList<ItemId>();
        var drawn = new HashSet<ItemId>();
        var cursors = new int[pools.size()];
        var progress = true;
        while (plan.size() < count && progress) {
            progress = false;
            for (var p = 0; p < pools.size() && plan.size() < count; p++) {
                var pool = pools.get(p);
                while (cursors[p] < pool.size() && !drawn.add(pool.get(cursors[p]))) {
                    cursors[p]++;
                }
                if (cursors[p] < pool.size()) {
                    bank.item(pool.get(cursors[p]++)).map(serving::concrete).ifPresent(i -> plan.add(i.itemId()));
                    progress = true;
                }
            }
        }
        return plan;
    }

    private List<ItemId> concrete(List<ItemSnapshot> items) {
        return items.stream().map(serving::concrete).map(ItemSnapshot::itemId).toList();
    }

    SessionStarted view(PracticeSession session, ItemSnapshot first, Instant now) {
        return new SessionStarted(
                session.id().value(),
                session.mode().name(),
                StudentItem.of(first),
                session.isPlanned()
                        ? session.plan().stream()
                                .flatMap(i -> bank.item(i).stream())
                                .map(StudentItem::of)
                                .toList()
                        : null,
                session.sections(),
                session.deadline().orElse(null),
                session.deadline()
                        .map(d -> Duration.between(now, d).toSeconds())
                        .orElse(null));
    }
}
