package org.studyloop.identity.account;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.studyloop.identity.AccountSummary;
import org.studyloop.identity.Actor;
import org.studyloop.identity.IdentityProperties;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;

/**
 * An account: the aggregate that guards who may sign in. E-mail addresses are kept lower-cased,
 * so that one address is one account whatever its spelling.
 */
@Table(schema = "identity", name = "account")
public class Account {

    @Id
    private final UUID id;

    private final String email;
    private String passwordHash;
    private String displayName;
    private String locale;
    private AccountStatus status;
    private @Nullable String totpSecret;
    private @Nullable Long totpLastStep;
    private boolean mfaEnabled;
    private int failedSignIns;
    private @Nullable Instant lockedUntil;
    private final Instant createdAt;
    private @Nullable Instant verifiedAt;
    private Instant passwordChangedAt;

    @Version
    private @Nullable Long version;

    @MappedCollection(idColumn = "account_id")
    private Set<RoleGrant> roles;

    @PersistenceCreator
    Account(
            UUID id,
            String email,
            String passwordHash,
            String displayName,
            String locale,
            AccountStatus status,
            @Nullable String totpSecret,
            @Nullable Long totpLastStep,
            boolean mfaEnabled,
            int failedSignIns,
            @Nullable Instant lockedUntil,
            Instant createdAt,
            @Nullable Instant verifiedAt,
            Instant passwordChangedAt,
            @Nullable Long version,
            Set<RoleGrant> roles) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.locale = locale;
        this.status = status;
        this.totpSecret = totpSecret;
        this.totpLastStep = totpLastStep;
        this.mfaEnabled = mfaEnabled;
        this.failedSignIns = failedSignIns;
        this.lockedUntil = lockedUntil;
        this.createdAt = createdAt;
        this.verifiedAt = verifiedAt;
        this.passwordChangedAt = passwordChangedAt;
        this.version = version;
        this.roles = new HashSet<>(roles);
    }

    static Account register(
            UUID id, String email, String passwordHash, String displayName, Locale locale, Role role, Instant now) {
        if (!role.selfSelectable()) {
            throw new IllegalArgumentException("Role " + role + " cannot be chosen at registration");
        }
        return new Account(
                id,
                normalise(email),
                passwordHash,
                displayName.strip(),
                locale.toLanguageTag(),
                AccountStatus.PENDING_VERIFICATION,
                null,
                null,
                false,
                0,
                null,
                now,
                null,
                now,
                null,
                Set.of(new RoleGrant(role)));
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    void verifyEmail(Instant now) {
        if (status == AccountStatus.PENDING_VERIFICATION) {
            status = AccountStatus.ACTIVE;
            verifiedAt = now;
        }
    }

    /** Locked accounts refuse even the right password until the lock expires. */
    public Optional<Duration> lockedFor(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now)
                ? Optional.of(Duration.between(now, lockedUntil))
                : Optional.empty();
    }

    /**
     * Counts a failed sign-in; from the threshold on, each failure locks the account for twice as
     * long as the one before (exponential back-off, NIST SP 800-63B §5.2.2 rate limiting).
     */
    void recordFailedSignIn(Instant now, IdentityProperties.Limits limits) {
        failedSignIns++;
        var beyond = failedSignIns - limits.lockoutThreshold();
        if (beyond >= 0) {
            var lock = limits.lockoutBase().multipliedBy(1L << Math.min(beyond, 20));
            lockedUntil = now.plus(lock.compareTo(limits.lockoutMax()) > 0 ? limits.lockoutMax() : lock);
        }
    }

    void recordSuccessfulSignIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        failedSignIns = 0;
        lockedUntil = null;
    }

    void beginMfaEnrolment(String secret) {
        totpSecret = secret;
        mfaEnabled = false;
    }

    /**
     * Accepts a one-time code's time step once only: RFC 6238 §5.2 forbids accepting the same
     * code twice, which would let an observer replay it within its 30 seconds.
     */
    boolean acceptTotpStep(long step) {
        if (totpLastStep != null && step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    void enableMfa() {
        if (totpSecret == null) {
            throw new IllegalStateException("No TOTP secret to enable");
        }
        mfaEnabled = true;
    }

    void disableMfa() {
        totpSecret = null;
        totpLastStep = null;
        mfaEnabled = false;
    }

    void rename(String newName) {
        displayName = newName.strip();
    }

    void changeLocale(Locale newLocale) {
        locale = newLocale.toLanguageTag();
    }

    void grantExactly(Set<Role> newRoles) {
        roles = newRoles.stream().map(RoleGrant::new).collect(Collectors.toCollection(HashSet::new));
    }

    public UserId userId() {
        return new UserId(id);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public AccountStatus status() {
        return status;
    }

    public boolean verified() {
        return status == AccountStatus.ACTIVE;
    }

    public boolean mfaEnabled() {
        return mfaEnabled;
    }

    Optional<String> totpSecret() {
        return Optional.ofNullable(totpSecret);
    }

    public Set<Role> roles() {
        var set = EnumSet.noneOf(Role.class);
        roles.forEach(grant -> set.add(grant.role()));
        return set;
    }

    public Actor actor() {
        return new Actor(userId(), roles());
    }

    public AccountSummary summary() {
        return new AccountSummary(userId(), displayName, roles(), locale());
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }
}
