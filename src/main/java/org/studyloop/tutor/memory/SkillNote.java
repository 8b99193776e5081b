package org.studyloop.tutor.memory;

import java.time.Instant;
import org.studyloop.catalog.SkillId;

/** Something the tutor remembers of a student on a skill, and how often it was seen. */
public record SkillNote(SkillId skillId, Kind kind, String note, int seen, Instant lastAt) {

    public enum Kind {
        /** The feedback of a wrong answer or check: a misconception seen. */
        MISCONCEPTION,
        /** A rung or worked example after which the student's check was right. */
        HELPED,
        /** How far up the hint ladder the student needed to go: {@code last-hint} or {@code solution}. */
        LADDER
    }
}
