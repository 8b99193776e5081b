package org.studyloop.mastery.irt;

import java.util.Locale;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;
import org.studyloop.mastery.KnowledgeModel;
import org.studyloop.mastery.SkillMastery;
import org.studyloop.mastery.StudentState;

/**
 * 1PL or 2PL IRT as a knowledge model for {@code learner-eval}: items calibrated by marginal
 * maximum likelihood on the training answers, each test student's ability the posterior of the
 * answers given so far, each prediction the posterior predictive P(correct). Ability does not
 * change with practice: the model measures, it does not trace learning, which is why it trails
 * the knowledge-tracing models on tutoring data (Gervet et al. 2020 report 0.69 AUC for IRT on
 * ASSISTments 2009).
 */
public final class IrtKnowledgeModel implements KnowledgeModel {

    private final String name;
    private final MarginalMaximumLikelihood calibrator;
    private Calibration calibration = new Calibration(java.util.List.of(), new int[0], new boolean[0], 1, 0, 0, true);
    private ItemSkills skills = ItemSkills.of(new int[0][], 0);

    private IrtKnowledgeModel(String name, MarginalMaximumLikelihood calibrator) {
        this.name = name;
        this.calibrator = calibrator;
    }

    public static IrtKnowledgeModel onePl() {
        return new IrtKnowledgeModel("irt-1pl", MarginalMaximumLikelihood.onePl());
    }

    /** 2PL for items with the default number of answers, 1PL's shared slope for the others. */
    public static IrtKnowledgeModel twoPl() {
        return new IrtKnowledgeModel(
                "irt-2pl", MarginalMaximumLikelihood.twoPl(MarginalMaximumLikelihood.DEFAULT_MIN_ANSWERS_FOR_SLOPE));
    }

    /** 2PL for items with at least {@code minAnswers} answers; 0 gives every item its own slope. */
    public static IrtKnowledgeModel twoPl(int minAnswers) {
        return new IrtKnowledgeModel("irt-2pl-min" + minAnswers, MarginalMaximumLikelihood.twoPl(minAnswers));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fit(AttemptLog log, ItemSkills skills) {
        this.skills = skills;
        this.calibration = calibrator.fit(log, skills.items(), new double[skills.items()]);
    }

    public Calibration calibration() {
        return calibration;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s: MML-EM over 31 Gauss-Hermite points, %d of %d items with their own slope, shared slope %.3f,"
                        + " %d EM cycles%s, marginal log-likelihood %.1f",
                name,
                calibration.twoParameterItems(),
                calibration.items().size(),
                calibration.sharedDiscrimination(),
                calibration.iterations(),
                calibration.converged() ? "" : " (not converged)",
                calibration.logLikelihood());
    }

    @Override
    public StudentState newState() {
        return new Ability();
    }

    @Override
    public double predict(StudentState state, int item) {
        return ((Ability) state).posterior.predict(calibration.item(item));
    }

    @Override
    public void update(StudentState state, int item, boolean correct) {
        ((Ability) state).posterior.update(calibration.item(item), correct);
    }

    /** P(correct) on an item of the skill's mean difficulty and discrimination. */
    @Override
    public SkillMastery mastery(StudentState state, int skill) {
        double a = 0;
        double b = 0;
        int n = 0;
        for (int j = 0; j < skills.items(); j++) {
            for (int k : skills.skillsOf(j)) {
                if (k == skill) {
                    a += calibration.item(j).discrimination();
                    b += calibration.item(j).difficulty();
                    n++;
                }
            }
        }
        var posterior = ((Ability) state).posterior;
        double p = n == 0 ? 0.5 : posterior.predict(new IrtItem(a / n, b / n));
        return new SkillMastery(p, 1 - Math.min(1, posterior.standardError()), state.answers());
    }

    private static final class Ability implements StudentState {
        private final AbilityPosterior posterior = new AbilityPosterior();

        @Override
        public int answers() {
            return posterior.answers();
        }
    }
}
