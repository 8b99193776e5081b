package org.studyloop.mastery.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.studyloop.catalog.SkillId;
import org.studyloop.mastery.fsrs.Fsrs;
import org.studyloop.mastery.fsrs.Rating;
import org.studyloop.mastery.model.LogisticObjective;
import org.studyloop.mastery.model.SkillTrace;
import org.studyloop.mastery.model.TraceModel;
import org.studyloop.mastery.online.ItemCalibration;
import org.studyloop.mastery.online.LearnerSnapshot;
import org.studyloop.mastery.online.ModelParameters;
import org.studyloop.mastery.online.SkillState;
import org.studyloop.practice.LearnerModel;

/**
 * What one answer does to a student's state, computed without touching the database: the
 * prediction the model made before it, the Elo steps of the student's abilities and of the item,
 * each skill's new trace, mastery and FSRS memory.
 *
 * <p>A right answer moves the abilities by its credit (a right answer after hints counts less, at
 * least a quarter), so that the mastery of each skill of the item rises after a right answer and
 * falls after a wrong one: every weight on evidence has its sign ({@link TraceModel}).
 *
 * @param predicted P(correct) for this item before the answer
 * @param itemStep the change of the item's own term (gradient step on the log loss, as Elo)
 * @param itemEloStep the change of the item's Elo difficulty
 */
record AnswerUpdate(
        LearnerSnapshot after,
        List<SkillId> skills,
        List<SkillState> states,
        List<LearnerModel.MasteryChange> changes,
        double predicted,
        Rating rating,
        double itemStep,
        double itemEloStep) {

    /** The least share of an Elo step a right answer makes, however many hints it took. */
    static final double LEAST_CREDIT = 0.25;

    static AnswerUpdate of(
            LearnerSnapshot before,
            LearnerModel.Evidence evidence,
            ItemCalibration.Params item,
            ModelParameters.Version parameters,
            Fsrs fsrs,
            Duration quick) {
        var model = parameters.model();
        long time = evidence.answeredAt().getEpochSecond();
        var skills = evidence.skills().stream().distinct().toList();
        var traces = new SkillTrace[skills.size()];
        for (int i = 0; i < traces.length; i++) {
            traces[i] = before.trace(skills.get(i));
        }
        var learner = before.learner();
        double predicted = LogisticObjective.sigmoid(
                parameters.easiness(skills) - item.difficulty() + model.evidence(learner, traces, time));
        double elo = TraceModel.eloProbability(learner, traces, item.eloDifficulty());
        double y = evidence.correct() ? 1 : 0;
        double error = evidence.correct() ? Math.max(LEAST_CREDIT, Math.min(1, evidence.credit())) * (1 - elo) : -elo;
        var learnerAfter = learner.after(TraceModel.eloStep(learner.answers()) * error, time);
        var rating = Rating.of(evidence.correct(), evidence.hintsUsed(), evidence.elapsed(), quick);
        var states = new ArrayList<SkillState>();
        var changes = new ArrayList<LearnerModel.MasteryChange>();
        var all = new HashMap<>(before.skills());
        for (int i = 0; i < traces.length; i++) {
            var skill = skills.get(i);
            var trace = traces[i];
            var traceAfter = trace.after(evidence.correct(), TraceModel.eloStep(trace.answers()) * error, time);
            double easiness = parameters.easiness(skill);
            double masteryBefore = model.mastery(learner, trace, easiness, time);
            double masteryAfter = model.mastery(learnerAfter, traceAfter, easiness, time);
            var old = before.skills().get(skill);
            var review = fsrs.review(old == null ? null : old.memory(), rating, evidence.answeredAt());
            var state = new SkillState(
                    traceAfter,
                    review.memory(),
                    review.due(),
                    masteryAfter,
                    TraceModel.confidence(traceAfter.answers()));
            states.add(state);
            all.put(skill, state);
            changes.add(new LearnerModel.MasteryChange(skill, masteryBefore, masteryAfter));
        }
        int itemAnswers = item.answers();
        return new AnswerUpdate(
                new LearnerSnapshot(before.student(), learnerAfter, all),
                skills,
                states,
                changes,
                predicted,
                rating,
                -TraceModel.eloStep(itemAnswers) * (y - predicted),
                -TraceModel.eloStep(itemAnswers) * (y - elo));
    }
}
