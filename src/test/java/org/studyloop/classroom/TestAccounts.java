package org.studyloop.classroom;

import com.fasterxml.uuid.Generators;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;

/**
 * Accounts for the classroom tests. The identity module's API has no way to create an account (its
 * registration service is internal), so the tests insert the minimal rows of
 * {@code identity.account} and {@code identity.account_role} that {@code Identity.displayNames}
 * and {@code Identity.findByEmail} read. Test code only; each account has a fresh id and address,
 * so tests sharing the database never see each other's people.
 */
public final class TestAccounts {

    private final JdbcClient jdbc;

    public TestAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new verified account with these roles, as the actor its access token would describe. */
    public Actor create(String displayName, Role... roles) {
        var id = Generators.timeBasedEpochGenerator().generate();
        return create(id, id + "@example.org", displayName, roles);
    }

    /** An account with a chosen address, unless one exists: then that one, as it is. */
    public Actor createIfAbsent(String email, String displayName, Role... roles) {
        var existing = jdbc.sql("select id from identity.account where email = :email")
                .param("email", email)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            var found = jdbc.sql("select role from identity.account_role where account_id = :id")
                    .param("id", existing.get())
                    .query((rs, n) -> Role.valueOf(rs.getString(1)))
                    .set();
            return new Actor(new UserId(existing.get()), found);
        }
        return create(Generators.timeBasedEpochGenerator().generate(), email, displayName, roles);
    }

    private Actor create(UUID id, String email, String displayName, Role... roles) {
        var now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        insert into identity.account
                            (id, email, password_hash, display_name, locale, status, created_at,
                             verified_at, password_changed_at, version)
                        values (:id, :email, 'not-a-hash', :name, 'en', 'ACTIVE', :now, :now, :now, 0)""")
                .param("id", id)
                .param("email", email)
                .param("name", displayName)
                .param("now", now)
                .update();
        for (var role : roles) {
            jdbc.sql("insert into identity.account_role (account_id, role) values (:id, :role)")
                    .param("id", id)
                    .param("role", role.name())
                    .update();
        }
        return new Actor(new UserId(id), Set.of(roles));
    }
}
