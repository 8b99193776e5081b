package org.studyloop.classroom.demo;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.studyloop.classroom.Classroom;
import org.studyloop.classroom.classes.Classes;
import org.studyloop.classroom.guardians.Guardians;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.shared.DemoMode;

/**
 * The demo classroom of API.md, made in demo mode after identity's demo accounts exist (those run
 * at {@code HIGHEST_PRECEDENCE + 100}): "Demo class" taught by the demo teacher with the demo
 * student and the demo cohort in it, and the demo parent linked to the student. It goes through the same behaviour as
 * the API, so the demo shows what real use produces, and each step is skipped when already done,
 * so restarts change nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class DemoClassroom implements ApplicationRunner {

    static final String CLASS_NAME = "Demo class";
    static final String TEACHER = DemoMode.TEACHER;
    static final String STUDENT = DemoMode.STUDENT;
    static final String PARENT = "parent@demo.studyloop.org";

    private static final Logger log = LoggerFactory.getLogger(DemoClassroom.class);

    private final Identity identity;
    private final Classes classes;
    private final Guardians guardians;
    private final Classroom classroom;
    private final Environment environment;

    DemoClassroom(
            Identity identity, Classes classes, Guardians guardians, Classroom classroom, Environment environment) {
        this.identity = identity;
        this.classes = classes;
        this.guardians = guardians;
        this.classroom = classroom;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment)) {
            return;
        }
        var teacher = actor(TEACHER);
        var student = actor(STUDENT);
        var parent = actor(PARENT);
        if (teacher.isEmpty() || student.isEmpty() || parent.isEmpty()) {
            log.info("Demo accounts are missing; no demo classroom created");
            return;
        }
        var demoClass = classes.mine(teacher.get()).stream()
                .filter(c -> c.teaching() && c.name().equals(CLASS_NAME))
                .findFirst();
        var joinCode = demoClass.isPresent()
                ? demoClass.get().joinCode()
                : classes.create(teacher.get(), CLASS_NAME, null).joinCode();
        // Joining is idempotent: a student already in the class stays, and nothing is published.
        classes.join(student.get(), joinCode);
        if (DemoMode.cohortOn(environment)) {
            DemoMode.COHORT.forEach(member -> actor(member.email()).ifPresent(s -> classes.join(s, joinCode)));
        }
        var studentId = student.get().userId();
        if (!classroom.childrenOf(parent.get().userId()).contains(studentId)) {
            var code = guardians.issueCode(student.get(), studentId, null);
            guardians.link(parent.get(), code.code(), null);
        }
        if (demoClass.isEmpty()) {
            log.info("Created the demo classroom: \"{}\", its student and the student's guardian", CLASS_NAME);
        }
    }

    private Optional<Actor> actor(String email) {
        return identity.findByEmail(email)
                .flatMap(identity::account)
                .map(account -> new Actor(account.userId(), account.roles()));
    }
}
