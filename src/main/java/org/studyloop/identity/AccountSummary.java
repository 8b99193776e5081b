package org.studyloop.identity;

import java.util.Locale;
import java.util.Set;

/** What other modules may know of an account: never its e-mail address or credentials. */
public record AccountSummary(UserId userId, String displayName, Set<Role> roles, Locale locale) {}
