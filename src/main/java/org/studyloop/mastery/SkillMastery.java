package org.studyloop.mastery;

/**
 * A student's mastery of one skill.
 *
 * @param probability P(correct) on an item of average difficulty for the skill, in [0, 1]
 * @param confidence how much evidence stands behind it, in [0, 1): 0 with no answer on the skill,
 *     growing towards 1 with the answers seen
 * @param answers answers the student gave on the skill
 */
public record SkillMastery(double probability, double confidence, int answers) {

    public SkillMastery {
        if (!(probability >= 0 && probability <= 1) || !(confidence >= 0 && confidence <= 1) || answers < 0) {
            throw new IllegalArgumentException("mastery out of range: " + probability + ", " + confidence);
        }
    }
}
