package org.studyloop.engagement.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.HttpTest;
import org.studyloop.classroom.TestAccounts;
import org.studyloop.classroom.classes.Classes;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.mastery.RiskLevel;
import org.studyloop.mastery.RiskReason;
import org.studyloop.mastery.StudentAtRisk;

/**
 * The teacher's alert: a student rising to HIGH risk mails the teacher of each of their classes,
 * in the teacher's language, with the reasons and the student's link; a student in no class mails
 * nobody.
 */
@HttpTest
class RiskAlertsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Classes classes;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theTeachersOfTheStudentsClassesAreMailedInTheirLanguage(CapturedOutput output) {
        var accounts = new TestAccounts(jdbc);
        var english = accounts.create("Tom Teacher", Role.TEACHER);
        var french = accounts.create("Françoise Prof", Role.TEACHER);
        jdbc.sql("update identity.account set locale = 'fr' where id = ?")
                .param(french.userId().value())
                .update();
        var student = accounts.create("Alan Risk", Role.STUDENT);
        join(student, english);
        join(student, french);

        publish(
                student,
                List.of(
                        new RiskReason(RiskReason.Signal.INACTIVE, RiskLevel.MEDIUM, "No practice for 12 days.", 12),
                        new RiskReason(
                                RiskReason.Signal.BELOW_TARGET, RiskLevel.HIGH, "Forecast course mastery …", 0.413)));

        var englishMail = mailTo(output, english);
        assertThat(englishMail)
                .contains("subject=\"Alan Risk may need your help\"")
                .contains("Hello Tom Teacher,")
                .contains("no practice for 12 days;")
                .contains("forecast course mastery is 41 %")
                .doesNotContain("fell by")
                .contains("/students/" + student.userId().value());
        assertThat(mailTo(output, french))
                .contains("Alan Risk pourrait avoir besoin de vous")
                .contains("aucun entraînement depuis 12 jours");
    }

    @Test
    void aStudentInNoClassAlertsNobody(CapturedOutput output) {
        var accounts = new TestAccounts(jdbc);
        var lonely = accounts.create("Lone Learner", Role.STUDENT);
        var teacher = accounts.create("Other Teacher", Role.TEACHER);
        var classmate = accounts.create("Class Mate", Role.STUDENT);
        join(classmate, teacher);

        publish(lonely, List.of(new RiskReason(RiskReason.Signal.INACTIVE, RiskLevel.HIGH, "…", 20)));
        publish(classmate, List.of(new RiskReason(RiskReason.Signal.INACTIVE, RiskLevel.HIGH, "…", 20)));

        // The classmate's alert is published after the lonely one's; once it is out, the other
        // had its turn, and mailed nobody.
        assertThat(mailTo(output, teacher)).contains("Class Mate").doesNotContain("Lone Learner");
        assertThat(output.getAll()).doesNotContain("Lone Learner may need");
    }

    private void join(Actor student, Actor teacher) {
        var code = classes.create(teacher, "Class of " + teacher.userId(), null).joinCode();
        classes.join(student, code);
    }

    private void publish(Actor student, List<RiskReason> reasons) {
        transactions.executeWithoutResult(status -> events.publishEvent(new StudentAtRisk(
                student.userId(), reasons.stream().map(RiskReason::text).toList(), reasons, Instant.now())));
    }

    private String mailTo(CapturedOutput output, Actor teacher) {
        var email = jdbc.sql("select email from identity.account where id = ?")
                .param(teacher.userId().value())
                .query(String.class)
                .single();
        var line = new String[1];
        Awaitility.await().untilAsserted(() -> {
            line[0] = output.getAll()
                    .lines()
                    .filter(l -> l.contains("MAIL to=" + email + " "))
                    .reduce((a, b) -> b)
                    .orElse(null);
            assertThat(line[0]).as("a MAIL line to %s", email).isNotNull();
        });
        return line[0];
    }
}
