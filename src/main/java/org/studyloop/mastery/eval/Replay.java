package org.studyloop.mastery.eval;

import java.util.HashMap;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.KnowledgeModel;
import org.studyloop.mastery.StudentState;

/**
 * The evaluation protocol: replay each test student's answers in order — predict from the trained
 * parameters and that student's earlier answers, then reveal the answer and update the student.
 */
final class Replay {

    private Replay() {}

    /** The prediction made before each answer of the log, in row order. */
    static double[] predictions(KnowledgeModel model, AttemptLog log) {
        var p = new double[log.size()];
        var states = new HashMap<Integer, StudentState>();
        for (int r = 0; r < log.size(); r++) {
            var state = states.computeIfAbsent(log.student(r), s -> model.newState());
            p[r] = model.predict(state, log.item(r), log.time(r));
            model.update(state, log.item(r), log.correct(r), log.time(r));
        }
        return p;
    }

    static boolean[] labels(AttemptLog log) {
        var labels = new boolean[log.size()];
        for (int r = 0; r < log.size(); r++) {
            labels[r] = log.correct(r);
        }
        return labels;
    }
}
