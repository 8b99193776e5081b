package org.studyloop.identity.mfa;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.identity.token.Secrets;

/**
 * Ten single-use codes that stand in for the authenticator when it is lost. Shown once, stored as
 * hashes; each works one time.
 */
@Component
public class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final Clock clock;

    RecoveryCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces any earlier codes of the account with ten new ones, returned in clear once. */
    public List<String> regenerate(UUID accountId) {
        jdbc.sql("delete from identity.recovery_code where account_id = :account")
                .param("account", accountId)
                .update();
        var codes = new ArrayList<String>();
        for (int i = 0; i < COUNT; i++) {
            var code = newCode();
            codes.add(code);
            jdbc.sql("""
                            insert into identity.recovery_code (account_id, code_hash, created_at)
                            values (:account, :hash, :now)""")
                    .param("account", accountId)
                    .param("hash", Secrets.sha256(code))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
        return codes;
    }

    public static boolean looksLikeCode(String text) {
        return text.strip().matches("[A-Za-z0-9]{5}-[A-Za-z0-9]{5}");
    }

    /** Uses up the code if it is one of the account's unused codes. */
    public boolean consume(UUID accountId, String code) {
        return jdbc.sql("""
                                update identity.recovery_code set used_at = :now
                                where account_id = :account and code_hash = :hash and used_at is null""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("account", accountId)
                        .param("hash", Secrets.sha256(code.strip().toLowerCase(Locale.ROOT)))
                        .update()
                == 1;
    }

    public void deleteAll(UUID accountId) {
        jdbc.sql("delete from identity.recovery_code where account_id = :account")
                .param("account", accountId)
                .update();
    }

    private static String newCode() {
        var random = Secrets.random();
        var code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
