package org.studyloop.practice.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.PracticeProblems;
import org.studyloop.practice.SessionId;
import org.studyloop.practice.SessionMode;
import org.studyloop.shared.ProblemException;

/**
 * A practice session: what it practises, the items it served and those answered, the hints shown,
 * and for an exam its deadline. The rules of the modes live here: an adaptive or review session
 * takes an answer to its current item only; a quiz or an exam to any planned item not yet
 * answered; an exam shows no hint and takes no answer after its deadline.
 */
public final class PracticeSession {

    /** Network and clock slack granted to an answer sent just before an exam's deadline. */
    static final Duration DEADLINE_GRACE = Duration.ofSeconds(2);

    private final SessionId id;
    private final UserId student;
    private final SessionMode mode;
    private final @Nullable CourseId courseId;
    private final List<SkillId> skills;
    private final @Nullable AssignmentId assignmentId;
    private final List<ItemId> plan;
    private final List<Section> sections;
    private final LinkedHashSet<ItemId> seen;
    private final List<ItemId> answered;
    private @Nullable ItemId current;
    private final Map<ItemId, Integer> hints;
    private int answers;
    private double credit;
    private final Instant startedAt;
    private final @Nullable Instant deadline;
    private @Nullable Instant finishedAt;
    private @Nullable AdaptivePlan adaptive;

    /** A slice of an exam's plan: its title and how many planned items it holds, in plan order. */
    public record Section(String title, int items) {}

    PracticeSession(
            SessionId id,
            UserId student,
            SessionMode mode,
            @Nullable CourseId courseId,
            List<SkillId> skills,
            @Nullable AssignmentId assignmentId,
            List<ItemId> plan,
            List<Section> sections,
            Set<ItemId> seen,
            List<ItemId> answered,
            @Nullable ItemId current,
            Map<ItemId, Integer> hints,
            int answers,
            double credit,
            Instant startedAt,
            @Nullable Instant deadline,
            @Nullable Instant finishedAt,
            @Nullable AdaptivePlan adaptive) {
        this.id = id;
        this.student = student;
        this.mode = mode;
        this.courseId = courseId;
        this.skills = List.copyOf(skills);
        this.assignmentId = assignmentId;
        this.plan = List.copyOf(plan);
        this.sections = List.copyOf(sections);
        this.seen = new LinkedHashSet<>(seen);
        this.answered = new ArrayList<>(answered);
        this.current = current;
        this.hints = new LinkedHashMap<>(hints);
        this.answers = answers;
        this.credit = credit;
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.finishedAt = finishedAt;
        this.adaptive = adaptive;
    }

    static PracticeSession start(
            SessionId id,
            UserId student,
            SessionMode mode,
            @Nullable CourseId courseId,
            List<SkillId> skills,
            @Nullable AssignmentId assignmentId,
            List<ItemId> plan,
            List<Section> sections,
            Set<ItemId> seenBefore,
            Instant now,
            @Nullable Duration timeLimit,
            @Nullable AdaptivePlan adaptive) {
        return new PracticeSession(
                id,
                student,
                mode,
                courseId,
                skills,
                assignmentId,
                plan,
                sections,
                seenBefore,
                List.of(),
                null,
                Map.of(),
                0,
                0,
                now,
                timeLimit == null ? null : now.plus(timeLimit),
                null,
                adaptive);
    }

    /** Makes the item the one to answer next (adaptive and review), or marks a planned one shown. */
    void serve(@Nullable ItemId item) {
        current = item;
        if (item != null) {
            seen.add(item);
        }
    }

    /** Refuses anything but reading once the session has ended or an exam's time is up. */
    void requireOpen(Instant now) {
        if (finishedAt != null) {
            throw new ProblemException(PracticeProblems.SESSION_FINISHED, "This session has ended.");
        }
        if (timeUp(now)) {
            throw new ProblemException(
                    PracticeProblems.TIME_UP, "The time limit of this exam has passed: finish it to see the report.");
        }
    }

    boolean timeUp(Instant now) {
        return deadline != null && now.isAfter(deadline.plus(DEADLINE_GRACE));
    }

    /** Checks that the item may be answered now. */
    void requireOpenItem(ItemId item) {
        var open = isPlanned() ? plan.contains(item) && !answered.contains(item) : item.equals(current);
        if (!open) {
            throw new ProblemException(
                    PracticeProblems.NOT_THE_CURRENT_ITEM,
                    isPlanned()
                            ? "This item is not one of the session's unanswered items."
                            : "Answer the session's current item: " + (current == null ? "none is open" : current)
                                    + ".");
        }
    }

    /** The next hint level (1 for the first) of an open item, counting it as used. */
    int takeHint(ItemId item, int ladder) {
        if (mode.isExam()) {
            throw new ProblemException(
                    PracticeProblems.NOT_DURING_EXAM, "Hints are not available during an exam; they are after it.");
        }
        requireOpenItem(item);
        var used = hintsUsed(item);
        if (used >= ladder) {
            throw new ProblemException(
                    PracticeProblems.NO_MORE_HINTS,
                    ladder == 0 ? "This item has no hints." : "All " + ladder + " hints of this item are shown.");
        }
        hints.put(item, used + 1);
        return used + 1;
    }

    int hintsUsed(ItemId item) {
        return hints.getOrDefault(item, 0);
    }

    /** Counts a graded answer to an open item. */
    void recordAnswer(ItemId item, double earned) {
        answered.add(item);
        seen.add(item);
        answers++;
        credit += earned;
        if (item.equals(current)) {
            current = null;
        }
    }

    /** The next planned item not yet answered, after the one just answered when there is one. */
    Optional<ItemId> nextPlanned(@Nullable ItemId after) {
        var start = after == null ? 0 : Math.max(0, plan.indexOf(after) + 1);
        for (var i = 0; i < plan.size(); i++) {
            var candidate = plan.get((start + i) % plan.size());
            if (!answered.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    void finish(Instant now) {
        if (finishedAt == null) {
            finishedAt = deadline != null && now.isAfter(deadline) ? deadline : now;
            current = null;
        }
    }

    /** A quiz or an exam: a fixed plan the student may take in any order. An adaptive exam has none. */
    boolean isPlanned() {
        return (mode == SessionMode.QUIZ || mode == SessionMode.EXAM) && adaptive == null;
    }

    /** An adaptive exam's rules and latest estimate; empty for every other session. */
    public Optional<AdaptivePlan> adaptive() {
        return Optional.ofNullable(adaptive);
    }

    void estimated(double ability, double standardError) {
        if (adaptive != null) {
            adaptive = adaptive.estimated(ability, standardError);
        }
    }

    public SessionId id() {
        return id;
    }

    public UserId student() {
        return student;
    }

    public SessionMode mode() {
        return mode;
    }

    public Optional<CourseId> courseId() {
        return Optional.ofNullable(courseId);
    }

    public List<SkillId> skills() {
        return skills;
    }

    public Optional<AssignmentId> assignmentId() {
        return Optional.ofNullable(assignmentId);
    }

    public List<ItemId> plan() {
        return plan;
    }

    public List<Section> sections() {
        return sections;
    }

    public Set<ItemId> seen() {
        return Set.copyOf(seen);
    }

    public List<ItemId> answered() {
        return List.copyOf(answered);
    }

    public Optional<ItemId> current() {
        return Optional.ofNullable(current);
    }

    public Map<ItemId, Integer> hints() {
        return Map.copyOf(hints);
    }

    public int answers() {
        return answers;
    }

    public double credit() {
        return credit;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public boolean isFinished() {
        return finishedAt != null;
    }
}
