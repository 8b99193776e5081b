package org.studyloop.classroom.guardians;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;

/** A student is told by mail, in their language, when a guardian links to their account. */
@HttpTest
class GuardianLinkMailTests {

    @LocalServerPort
    int port;

    @Test
    void linkingMailsTheStudentWithTheGuardiansName(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var student = IdentityClient.uniqueEmail("child");
        var parent = IdentityClient.uniqueEmail("guardian");
        client.verifiedAccount(student, "STUDENT");
        client.verifiedAccount(parent, "PARENT");
        var http = new HttpProbe(port);

        var code = http.withBearer(client.accessToken(student)).post("/api/v1/me/guardian-codes", "");
        assertThat(code.statusCode()).isEqualTo(201);
        var linked = http.withBearer(client.accessToken(parent))
                .post(
                        "/api/v1/guardians/link",
                        HttpProbe.toJson(
                                Map.of("code", HttpProbe.json(code).path("code").asString())));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);

        var line = Pattern.compile(
                "MAIL to=" + Pattern.quote(student) + " .*Learner " + Pattern.quote(parent.substring(0, 6)));
        Awaitility.await()
                .untilAsserted(() -> assertThat(line.matcher(output.getAll()).find())
                        .as("a guardian-linked mail to the student naming the guardian")
                        .isTrue());
    }
}
