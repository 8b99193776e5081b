/**
 * The learner model: P(correct | student, item) updated online per answer, and from it a per-skill
 * mastery with a confidence. The top-level package is the module's API: {@link
 * org.studyloop.mastery.KnowledgeModel}, its {@link org.studyloop.mastery.StudentState}, the
 * training data types {@link org.studyloop.mastery.AttemptLog} and {@link
 * org.studyloop.mastery.ItemSkills}, and {@link org.studyloop.mastery.SkillMastery}; for dashboards
 * {@link org.studyloop.mastery.LearnerOutlook} with {@link org.studyloop.mastery.RiskAssessment};
 * the event {@link org.studyloop.mastery.StudentAtRisk}. The models live in {@code model}, the
 * offline evaluation ({@code learner-eval}, {@code forecast-backtest}) in {@code eval}, forecasts
 * and risk in {@code outlook}, recommendations in {@code advice}, IRT item calibration in {@code
 * irt} and computerized adaptive testing ({@code cat-sim}, practice's adaptive exams) in {@code cat}.
 */
@ApplicationModule(displayName = "Mastery")
@NullMarked
package org.studyloop.mastery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
