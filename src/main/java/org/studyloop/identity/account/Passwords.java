package org.studyloop.identity.account;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import org.studyloop.shared.ProblemException;

/**
 * Password rules of NIST SP 800-63B §5.1.1.2: at least 10 characters here (the standard's floor
 * is 8), up to 128, no composition rules, and not a commonly used password — zxcvbn's list of the
 * 30,000 most frequent ones (Burnett 2015), nor the address or name of the account itself.
 * Hashes are Argon2id (RFC 9106) with OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane.
 */
@Component
public class Passwords {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
    private final Set<String> common;
    private final String dummyHash;

    Passwords() {
        try {
            common = StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies().stream()
                    .map(p -> p.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dummyHash = encoder.encode("an unused password to spend the same time on unknown accounts");
    }

    /** Refuses a password that breaks the rules, naming the field it came from. */
    public void check(String field, String password, List<String> context) {
        var length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw ProblemException.invalid(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            throw ProblemException.invalid(field, "must be at most " + MAX_LENGTH + " characters long");
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.chars().distinct().count() <= 2) {
            throw ProblemException.invalid(field, "is too common; choose a less guessable password");
        }
        for (var word : context) {
            var part = word.toLowerCase(Locale.ROOT).strip();
            if (part.length() >= 4 && lower.contains(part)) {
                throw ProblemException.invalid(field, "must not contain your name or e-mail address");
            }
        }
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends a hash's time when there is no account, so response time does not reveal one. */
    public void spendTime(String password) {
        encoder.matches(password, dummyHash);
    }
}
