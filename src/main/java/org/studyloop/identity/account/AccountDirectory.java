package org.studyloop.identity.account;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.identity.AccountSummary;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.mail.Mailer;
import org.studyloop.mail.OutgoingMail;
import org.studyloop.shared.ProblemException;

/** Reading accounts for other modules, and the administrator's account management. */
@Service
public class AccountDirectory implements Identity {

    private final Accounts accounts;
    private final Audit audit;

    private final Mailer mailer;

    AccountDirectory(Accounts accounts, Audit audit, Mailer mailer) {
        this.accounts = accounts;
        this.audit = audit;
        this.mailer = mailer;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void mail(UserId recipient, String template, Map<String, String> values) {
        accounts.findById(recipient.value())
                .ifPresent(
                        account -> mailer.send(new OutgoingMail(account.email(), account.locale(), template, values)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountSummary> account(UserId userId) {
        return accounts.findById(userId.value()).map(Account::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UserId, String> displayNames(Collection<UserId> userIds) {
        var names = new LinkedHashMap<UserId, String>();
        accounts.findAllById(userIds.stream().map(UserId::value).toList())
                .forEach(a -> names.put(a.userId(), a.displayName()));
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserId> findByEmail(String email) {
        return accounts.findByEmail(Account.normalise(email)).map(Account::userId);
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(UserId userId) {
        return accounts.findById(userId.value());
    }

    @Transactional(readOnly = true)
    public Page<Account> page(Pageable pageable) {
        return accounts.findAll(pageable);
    }

    @Transactional
    public Account updateProfile(UserId userId, Optional<String> displayName, Optional<java.util.Locale> locale) {
        var account = accounts.findById(userId.value()).orElseThrow();
        displayName.ifPresent(account::rename);
        locale.ifPresent(account::changeLocale);
        return accounts.save(account);
    }

    /** Only an administrator grants roles, AUTHOR and ADMIN included; every change is audited. */
    @Transactional
    public Account setRoles(Actor admin, UserId userId, Set<Role> roles, String clientAddress) {
        if (roles.isEmpty()) {
            throw ProblemException.invalid("roles", "must name at least one role");
        }
        if (admin.is(userId) && !roles.contains(Role.ADMIN)) {
            throw ProblemException.invalid("roles", "cannot remove your own administrator role");
        }
        var account = accounts.findById(userId.value())
                .orElseThrow(() -> ProblemException.notFound("There is no such account."));
        var before = account.roles();
        account.grantExactly(EnumSet.copyOf(roles));
        var saved = accounts.save(account);
        audit.record(
                "identity.roles.changed",
                admin.userId().value(),
                userId.value(),
                clientAddress,
                Map.of("before", before.toString(), "after", saved.roles().toString()));
        return saved;
    }
}
