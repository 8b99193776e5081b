package org.studyloop.classroom.classes;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One student in a class, a row of {@code classroom.memberships}; part of {@link SchoolClass}. */
@Table(schema = "classroom", name = "memberships")
record Membership(UUID studentId, Instant joinedAt) {}
