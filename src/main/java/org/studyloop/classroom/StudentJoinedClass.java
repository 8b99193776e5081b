package org.studyloop.classroom;

import java.time.Instant;
import org.studyloop.identity.UserId;

/**
 * A student joined a class (published once: joining again with the same code publishes nothing).
 * Carries ids only, no names: events are stored in the publication registry.
 */
public record StudentJoinedClass(ClassId classId, UserId studentId, Instant joinedAt) {}
