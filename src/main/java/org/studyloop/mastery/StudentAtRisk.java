package org.studyloop.mastery;

import java.time.Instant;
import java.util.List;
import org.studyloop.identity.UserId;

/**
 * A student's risk rose to HIGH (DESIGN.md: "at-risk students with reasons" for teachers). Published
 * once per rise: the risk stored per student must fall below HIGH before another is published.
 *
 * @param reasons why, in words a teacher reads ("No practice for 15 days.")
 * @param signals the same reasons as data, for a listener that words them in another language
 */
public record StudentAtRisk(UserId studentId, List<String> reasons, List<RiskReason> signals, Instant assessedAt) {

    public StudentAtRisk {
        reasons = List.copyOf(reasons);
        signals = List.copyOf(signals);
    }
}
