package org.studyloop.mastery;

import java.util.List;
import java.util.Optional;
import org.studyloop.catalog.SkillId;

/**
 * A student's risk as of now, with its reasons and their weakest practised skill (the lowest
 * mastery among the skills of their courses they have answered on), which suggestions name.
 */
public record RiskAssessment(
        RiskLevel level, List<RiskReason> reasons, Optional<SkillId> weakestSkill, Optional<String> weakestSkillName) {

    public RiskAssessment {
        reasons = List.copyOf(reasons);
    }
}
