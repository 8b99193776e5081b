package org.studyloop.mastery.online;

import java.time.Instant;
import org.studyloop.mastery.fsrs.Memory;
import org.studyloop.mastery.model.SkillTrace;

/**
 * A student's state on a skill they answered: the knowledge model's trace, the FSRS memory with the
 * next review's due time, and the mastery and confidence as of the last answer.
 */
public record SkillState(SkillTrace trace, Memory memory, Instant dueAt, double mastery, double confidence) {}
