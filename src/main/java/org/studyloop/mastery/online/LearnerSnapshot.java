package org.studyloop.mastery.online;

import java.util.Map;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.model.LearnerTrace;
import org.studyloop.mastery.model.SkillTrace;

/** Everything the learner model holds on a student, as committed (or as this transaction wrote it). */
public record LearnerSnapshot(UserId student, LearnerTrace learner, Map<SkillId, SkillState> skills) {

    public LearnerSnapshot {
        skills = Map.copyOf(skills);
    }

    public static LearnerSnapshot empty(UserId student) {
        return new LearnerSnapshot(student, LearnerTrace.NONE, Map.of());
    }

    public SkillTrace trace(SkillId skill) {
        var state = skills.get(skill);
        return state == null ? SkillTrace.NONE : state.trace();
    }
}
