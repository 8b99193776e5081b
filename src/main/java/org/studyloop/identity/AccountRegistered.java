package org.studyloop.identity;

import java.time.Instant;
import java.util.Set;

/** An account was created (not yet verified). Carries no personal data: events are stored. */
public record AccountRegistered(UserId userId, Set<Role> roles, Instant registeredAt) {}
