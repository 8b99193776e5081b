/**
 * Accounts, credentials, tokens, MFA, single sign-on and roles. The top-level package is the
 * module's API: {@link org.studyloop.identity.Identity}, the ids, the {@link
 * org.studyloop.identity.Actor} of a request, and the events it publishes.
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package org.studyloop.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
