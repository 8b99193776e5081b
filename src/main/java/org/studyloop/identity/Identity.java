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

    /**
     * Mails the account, in its language, through the mail module's outbox: queued in the
     * caller's transaction, so it goes out if and only if the caller's change commits. Other
     * modules mail people this way without ever holding their addresses.
     *
     * @param template a mail template name ({@code guardian-linked})
     * @param values the template's values
     */
    void mail(UserId recipient, String template, java.util.Map<String, String> values);
}
