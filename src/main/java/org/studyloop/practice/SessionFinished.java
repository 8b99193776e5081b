package org.studyloop.practice;

import java.time.Instant;
import java.util.Optional;
import org.studyloop.identity.UserId;

/** A session ended: finished by the student, or an exam whose time ran out. */
public record SessionFinished(
        UserId studentId,
        SessionId sessionId,
        SessionMode mode,
        Optional<AssignmentId> assignmentId,
        int answers,
        double score,
        Instant finishedAt) {}
