package org.studyloop.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.studyloop.identity.IdentityProperties;
import org.studyloop.identity.Role;

class AccountTests {

    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final IdentityProperties.Limits limits =
            new IdentityProperties.Limits(10, 60, 20, 10, 10, Duration.ofMinutes(1), Duration.ofHours(1));

    private Account account() {
        return Account.register(
                UUID.randomUUID(), "  Ada@Example.ORG ", "hash", " Ada ", Locale.FRENCH, Role.STUDENT, now);
    }

    @Test
    void registersPendingWithANormalisedAddress() {
        var account = account();
        assertThat(account.email()).isEqualTo("ada@example.org");
        assertThat(account.displayName()).isEqualTo("Ada");
        assertThat(account.status()).isEqualTo(AccountStatus.PENDING_VERIFICATION);
        assertThat(account.roles()).containsExactly(Role.STUDENT);
        account.verifyEmail(now);
        assertThat(account.verified()).isTrue();
    }

    @Test
    void refusesAdministrativeRolesAtRegistration() {
        assertThatThrownBy(
                        () -> Account.register(UUID.randomUUID(), "a@b.org", "h", "A", Locale.ENGLISH, Role.ADMIN, now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void locksAfterTheThresholdWithDoublingBackOff() {
        var account = account();
        for (int i = 0; i < 9; i++) {
            account.recordFailedSignIn(now, limits);
        }
        assertThat(account.lockedFor(now)).isEmpty();
        account.recordFailedSignIn(now, limits);
        assertThat(account.lockedFor(now)).hasValue(Duration.ofMinutes(1));
        account.recordFailedSignIn(now, limits);
        assertThat(account.lockedFor(now)).hasValue(Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            account.recordFailedSignIn(now, limits);
        }
        assertThat(account.lockedFor(now)).hasValue(Duration.ofHours(1));
        assertThat(account.lockedFor(now.plus(Duration.ofHours(2)))).isEmpty();
        account.recordSuccessfulSignIn();
        assertThat(account.lockedFor(now)).isEmpty();
    }

    @Test
    void acceptsEachOneTimeCodeStepOnce() {
        var account = account();
        account.beginMfaEnrolment("SECRET");
        assertThat(account.acceptTotpStep(100)).isTrue();
        assertThat(account.acceptTotpStep(100)).isFalse();
        assertThat(account.acceptTotpStep(99)).isFalse();
        assertThat(account.acceptTotpStep(101)).isTrue();
    }
}
