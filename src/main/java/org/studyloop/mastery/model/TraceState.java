package org.studyloop.mastery.model;

import java.util.HashMap;
import org.studyloop.mastery.StudentState;

/** A student's traces in the online model over dense ids: for training and {@code learner-eval}. */
final class TraceState implements StudentState {
    LearnerTrace learner = LearnerTrace.NONE;
    final HashMap<Integer, SkillTrace> skills = new HashMap<>();

    @Override
    public int answers() {
        return learner.answers();
    }

    SkillTrace[] traces(int[] ids) {
        var traces = new SkillTrace[ids.length];
        for (int i = 0; i < ids.length; i++) {
            traces[i] = skills.getOrDefault(ids[i], SkillTrace.NONE);
        }
        return traces;
    }

    void apply(int[] ids, SkillTrace[] traces, boolean correct, double error, long time) {
        learner = learner.after(TraceModel.eloStep(learner.answers()) * error, time);
        for (int i = 0; i < ids.length; i++) {
            skills.put(ids[i], traces[i].after(correct, TraceModel.eloStep(traces[i].answers()) * error, time));
        }
    }
}
