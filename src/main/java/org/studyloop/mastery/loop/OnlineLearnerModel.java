package org.studyloop.mastery.loop;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.bank.ItemIndex;
import org.studyloop.mastery.cat.AdaptiveExams;
import org.studyloop.mastery.fsrs.Fsrs;
import org.studyloop.mastery.model.TraceModel;
import org.studyloop.mastery.online.ItemCalibration;
import org.studyloop.mastery.online.LearnerStates;
import org.studyloop.mastery.online.LearnerStore;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.mastery.online.ModelParameters;
import org.studyloop.practice.LearnerModel;

/**
 * The mastery module's implementation of practice's {@link LearnerModel} port, replacing practice's
 * plain fallback. Inside the answer's transaction it costs one statement: the student's row, one
 * row per skill of the item and the evidence log ({@link LearnerStore}); the state before the
 * answer comes from memory ({@link LearnerStates}) and the item's calibration is written in batches
 * ({@link ItemCalibration}).
 */
@Component
class OnlineLearnerModel implements LearnerModel {

    private final LearnerStates states;
    private final LearnerStore store;
    private final ItemCalibration calibration;
    private final ModelParameters parameters;
    private final NextItems nextItems;
    private final ItemIndex index;
    private final MasteryProperties properties;
    private final Fsrs fsrs;
    private final AdaptiveExams exams;
    private final Clock clock;

    OnlineLearnerModel(
            LearnerStates states,
            LearnerStore store,
            ItemCalibration calibration,
            ModelParameters parameters,
            NextItems nextItems,
            ItemIndex index,
            MasteryProperties properties,
            AdaptiveExams exams,
            Clock clock) {
        this.states = states;
        this.store = store;
        this.calibration = calibration;
        this.parameters = parameters;
        this.nextItems = nextItems;
        this.index = index;
        this.properties = properties;
        this.fsrs = Fsrs.withDefaults(properties.desiredRetention());
        this.exams = exams;
        this.clock = clock;
    }

    @Override
    public List<MasteryChange> record(Evidence evidence) {
        var version = parameters.current();
        double prior = evidence.difficulty().filter(Double::isFinite).orElse(0.0);
        // A template's instances are one item to the model (LearnerModel.Evidence#family).
        var item = calibration.get(evidence.family(), prior);
        var before = states.get(evidence.student());
        var update = AnswerUpdate.of(before, evidence, item, version, fsrs, properties.quickAnswer());
        if (!store.write(write(before.learner().answers(), update, evidence))) {
            // Another answer of the student committed since the cached state: compute again from the row, locked.
            before = states.lockAndLoad(evidence.student());
            update = AnswerUpdate.of(before, evidence, item, version, fsrs, properties.quickAnswer());
            if (!store.write(write(before.learner().answers(), update, evidence))) {
                throw new IllegalStateException("the student's learner row changed while locked");
            }
        }
        states.wrote(update.after());
        // The instance too: the session's recent items, which balancing reads, are instances.
        index.remember(evidence.itemId(), evidence.skills(), prior);
        var itemStep = update.itemStep();
        var eloStep = update.itemEloStep();
        states.afterCommit(() -> calibration.learn(evidence.family(), prior, itemStep, eloStep));
        return update.changes();
    }

    private static LearnerStore.Write write(int expected, AnswerUpdate update, Evidence evidence) {
        return new LearnerStore.Write(
                evidence.student(),
                expected,
                update.after().learner(),
                update.skills(),
                update.states(),
                evidence.family(),
                evidence.correct(),
                evidence.credit(),
                evidence.hintsUsed(),
                evidence.hintsAvailable(),
                evidence.elapsed().toMillis(),
                evidence.answeredAt(),
                evidence.mode().name(),
                update.predicted(),
                update.rating().grade());
    }

    @Override
    public Optional<ItemId> next(Scope scope) {
        return nextItems.next(scope);
    }

    @Override
    public AdaptiveStep adaptiveTest(AdaptiveExam exam) {
        return exams.step(exam);
    }

    @Override
    public List<DueReview> dueReviews(UserId student, java.time.Instant now, int limit) {
        return store.due(student, now, limit).stream()
                .map(row -> new DueReview(row.skillId(), Optional.empty(), row.dueAt()))
                .toList();
    }

    /** Mastery as of now, from the committed state and the parameters in use. */
    @Override
    public List<SkillLevel> mastery(UserId student, Collection<org.studyloop.catalog.SkillId> skills) {
        var snapshot = store.load(student, false);
        var version = parameters.current();
        long now = clock.instant().getEpochSecond();
        var wanted = skills.isEmpty() ? List.copyOf(snapshot.skills().keySet()) : List.copyOf(skills);
        return wanted.stream()
                .map(skill -> {
                    var trace = snapshot.trace(skill);
                    return new SkillLevel(
                            skill,
                            version.model().mastery(snapshot.learner(), trace, version.easiness(skill), now),
                            TraceModel.confidence(trace.answers()),
                            trace.answers());
                })
                .toList();
    }
}
