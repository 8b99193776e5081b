package org.studyloop.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The identity module's API for other modules: who an account is, without its credentials.
 * E-mail addresses stay inside this module.
 */
public interface Identity {

    Optional<AccountSummary> account(UserId userId);

    /** Display names of the given accounts; unknown ids are left out. */
    Map<UserId, String> displayNames(Collection<UserId> userIds);

    /** The account registered with this e-mail address, for demo seeding and administration. */
    Optional<UserId> findByEmail(String email);
}
