package org.studyloop.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;

/** Sign-ins, failures and role changes reach the audit log, with the client address and no secret. */
@HttpTest
class AuditTrailTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private List<Map<String, Object>> auditOf(String userId) {
        return jdbc.sql("""
                        select action, actor_id, client_address, details::text as details
                        from privacy.audit_event where subject_id = :id order by occurred_at""").param("id", UUID.fromString(userId)).query().listOfRows();
    }

    @Test
    void signInsFailuresAndRoleChangesAreAudited(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("audited");
        var userId = client.verifiedAccount(email, "STUDENT");
        client.login(email, "a wrong password entirely");
        client.tokens(email);

        var adminEmail = IdentityClient.uniqueEmail("auditor");
        var adminId = client.verifiedAccount(adminEmail, "TEACHER");
        jdbc.sql("update identity.account_role set role = 'ADMIN' where account_id = :id")
                .param("id", UUID.fromString(adminId))
                .update();
        // A signed-in administrator with MFA changes the student's roles.
        var adminToken = client.adminWithMfa(adminEmail);
        var changed = client.http()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + port + "/api/v1/admin/users/" + userId + "/roles"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + adminToken)
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"roles\":[\"STUDENT\",\"AUTHOR\"]}")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(HttpProbe.json(changed).path("roles").toString()).contains("AUTHOR", "STUDENT");

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(auditOf(userId))
                        .extracting(row -> row.get("action"))
                        .contains("identity.sign-in.failed", "identity.sign-in", "identity.roles.changed"));
        var rows = auditOf(userId);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("client_address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(String.valueOf(row.get("details")))
                    .doesNotContain(IdentityClient.PASSWORD, "a wrong password entirely", email);
        });
        assertThat(rows)
                .filteredOn(row -> row.get("action").equals("identity.roles.changed"))
                .singleElement()
                .satisfies(row -> assertThat(row.get("actor_id")).isEqualTo(UUID.fromString(adminId)));

        var viaApi =
                client.http().get("/api/v1/admin/audit?subjectId=" + userId, "Authorization", "Bearer " + adminToken);
        assertThat(viaApi.statusCode()).isEqualTo(200);
        assertThat(viaApi.body()).contains("identity.roles.changed");
    }
}
