package org.studyloop.identity.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.identity.Role;
import org.studyloop.identity.token.Secrets;
import org.studyloop.shared.DemoMode;

/**
 * The demo accounts of API.md, verified and ready, created at start-up in demo mode (the default
 * on the embedded database), and the accounts of the demo cohort ({@link DemoMode#COHORT}) with the
 * same password. Runs early, so that other modules' demo content can refer to them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo-password-1";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private record Demo(String email, String name, Role role) {}

    private static final List<Demo> DEMOS = List.of(
            new Demo(DemoMode.STUDENT, "Sam Student", Role.STUDENT),
            new Demo(DemoMode.TEACHER, "Tess Teacher", Role.TEACHER),
            new Demo("parent@demo.studyloop.org", "Pat Parent", Role.PARENT),
            new Demo("admin@demo.studyloop.org", "Ada Admin", Role.ADMIN));

    private final Accounts accounts;
    private final Passwords passwords;
    private final Environment environment;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoAccounts(
            Accounts accounts,
            Passwords passwords,
            Environment environment,
            TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.environment = environment;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment)) {
            return;
        }
        var demos = new ArrayList<>(DEMOS);
        if (DemoMode.cohortOn(environment)) {
            DemoMode.COHORT.forEach(member -> demos.add(new Demo(member.email(), member.name(), Role.STUDENT)));
        }
        transactions.executeWithoutResult(status -> {
            var created = 0;
            for (var demo : demos) {
                if (accounts.findByEmail(demo.email()).isEmpty()) {
                    var now = clock.instant();
                    var account = Account.register(
                            Secrets.newId(),
                            demo.email(),
                            passwords.hash(PASSWORD),
                            demo.name(),
                            Locale.ENGLISH,
                            Role.STUDENT,
                            now);
                    account.grantExactly(EnumSet.of(demo.role()));
                    account.verifyEmail(now);
                    accounts.save(account);
                    created++;
                }
            }
            if (created > 0) {
                log.info(
                        "Created {} demo accounts (student, teacher, parent, admin and the cohort @demo.studyloop.org)",
                        created);
            }
        });
    }
}
