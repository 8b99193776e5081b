package org.studyloop.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.studyloop.shared.ProblemException;

class PasswordsTests {

    private static final Passwords PASSWORDS = new Passwords();

    private void refused(String password, String why) {
        assertThatThrownBy(() -> PASSWORDS.check("password", password, List.of("ada.lovelace", "Ada Lovelace")))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.errors()).singleElement().satisfies(e -> {
                        assertThat(e.field()).isEqualTo("password");
                        assertThat(e.message()).contains(why);
                    });
                });
    }

    @Test
    void refusesShortCommonRepetitiveAndPersonalPasswords() {
        refused("short-one", "at least 10");
        refused("qwertyuiop", "too common");
        refused("1234567890", "too common");
        refused("aaaaaaaaaaaa", "too common");
        refused("ada.lovelace-2026", "name or e-mail");
        refused("x".repeat(129), "at most 128");
    }

    @Test
    void acceptsLongUncommonPassphrasesWithoutCompositionRules() {
        assertThatNoException()
                .isThrownBy(() -> PASSWORDS.check("password", "correct horse battery", List.of("ada", "Ada")));
        assertThatNoException().isThrownBy(() -> PASSWORDS.check("password", "demo-password-1", List.of()));
    }

    @Test
    void hashesWithArgon2idAndVerifies() {
        var hash = PASSWORDS.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PASSWORDS.matches("correct horse battery", hash)).isTrue();
        assertThat(PASSWORDS.matches("correct horse batterY", hash)).isFalse();
    }
}
