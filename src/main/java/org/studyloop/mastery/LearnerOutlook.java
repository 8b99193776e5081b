package org.studyloop.mastery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.outlook.Outlooks;

/**
 * The mastery module's API for dashboards: a student's risk as the predictions endpoint shows it.
 * Callers check access first (the classroom's policy).
 */
@Service
public class LearnerOutlook {

    private final Outlooks outlooks;

    LearnerOutlook(Outlooks outlooks) {
        this.outlooks = outlooks;
    }

    /** The student's risk as of now, with reasons and their weakest practised skill. */
    @Transactional(readOnly = true)
    public RiskAssessment risk(UserId student) {
        var outlook = outlooks.of(student);
        return new RiskAssessment(
                outlook.risk().level(), outlook.risk().reasons(), outlook.weakestSkill(), outlook.weakestSkillName());
    }
}
