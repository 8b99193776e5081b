package org.studyloop.practice;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.identity.UserId;
import org.studyloop.practice.session.LearnerTotalsStore;

/** The practice module's API for other modules: a student's practice counters and daily activity. */
@Service
public class Practice {

    private final LearnerTotalsStore totals;
    private final Clock clock;

    Practice(LearnerTotalsStore totals, Clock clock) {
        this.totals = totals;
        this.clock = clock;
    }

    /** The counters of the student's dashboard; zeros for a student who never answered. */
    @Transactional(readOnly = true)
    public LearnerTotals totals(UserId student) {
        return totals.of(student, clock.instant());
    }

    /**
     * The student's answers per UTC day over the last {@code days} days, today included, oldest
     * first, a zero for each day without an answer (the dashboard's activity chart).
     */
    @Transactional(readOnly = true)
    public List<DayActivity> activity(UserId student, int days) {
        return totals.activity(student, clock.instant(), days);
    }
}
