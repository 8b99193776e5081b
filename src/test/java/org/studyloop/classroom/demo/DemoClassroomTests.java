package org.studyloop.classroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.studyloop.classroom.Classroom;
import org.studyloop.classroom.ClassroomModuleTest;
import org.studyloop.classroom.TestAccounts;
import org.studyloop.classroom.classes.Classes;
import org.studyloop.classroom.guardians.Guardians;
import org.studyloop.identity.Identity;
import org.studyloop.identity.Role;

/**
 * The demo classroom of API.md. The test context runs on an external database, where demo mode
 * is off, so the runner is made here with demo mode switched on; the demo accounts are inserted
 * as identity's demo runner would leave them, unless an earlier test already did.
 */
@ClassroomModuleTest
class DemoClassroomTests {

    @Autowired
    Identity identity;

    @Autowired
    Classes classes;

    @Autowired
    Guardians guardians;

    @Autowired
    Classroom classroom;

    @Autowired
    JdbcClient jdbc;

    private DemoClassroom runner(boolean demo) {
        var environment = new MockEnvironment().withProperty("studyloop.demo", Boolean.toString(demo));
        return new DemoClassroom(identity, classes, guardians, classroom, environment);
    }

    @Test
    void theDemoTeacherTeachesTheDemoStudentWhoseParentIsLinkedAndRestartsChangeNothing() throws Exception {
        var accounts = new TestAccounts(jdbc);
        var teacher = accounts.createIfAbsent(DemoClassroom.TEACHER, "Tess Teacher", Role.TEACHER);
        var student = accounts.createIfAbsent(DemoClassroom.STUDENT, "Sam Student", Role.STUDENT);
        var parent = accounts.createIfAbsent(DemoClassroom.PARENT, "Pat Parent", Role.PARENT);

        runner(true).run(new DefaultApplicationArguments());
        runner(true).run(new DefaultApplicationArguments());

        var demoClasses = classes.mine(teacher).stream()
                .filter(c -> c.teaching() && c.name().equals(DemoClassroom.CLASS_NAME))
                .toList();
        assertThat(demoClasses).hasSize(1);
        var demoClass = demoClasses.getFirst().classId();
        assertThat(classroom.studentsOf(demoClass)).containsExactly(student.userId());
        assertThat(classroom.childrenOf(parent.userId())).containsExactly(student.userId());
        assertThat(classroom.mayAccessLearner(teacher, student.userId())).isTrue();
        assertThat(classroom.mayAccessLearner(parent, student.userId())).isTrue();
    }

    @Test
    void withDemoModeOffNothingIsCreated() throws Exception {
        var accounts = new TestAccounts(jdbc);
        var teacher = accounts.createIfAbsent(DemoClassroom.TEACHER, "Tess Teacher", Role.TEACHER);
        var before = classes.mine(teacher).size();

        runner(false).run(new DefaultApplicationArguments());

        assertThat(classes.mine(teacher)).hasSize(before);
    }
}
