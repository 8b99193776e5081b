package org.studyloop.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.studyloop.classroom.classes.Classes;
import org.studyloop.classroom.guardians.Guardians;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.shared.Audited;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * The access policy over real data, in the classroom module with only the modules it depends on
 * (identity, for names and accounts). Every relation is made through the module's own behaviour:
 * classes joined with their code, guardians linked with a redeemed code.
 */
@ClassroomModuleTest
class ClassroomAccessPolicyTests {

    @Autowired
    Classroom classroom;

    @Autowired
    Classes classes;

    @Autowired
    Guardians guardians;

    @Autowired
    JdbcClient jdbc;

    Actor teacher;
    Actor otherTeacher;
    Actor student;
    Actor otherStudent;
    Actor parent;
    Actor otherParent;
    Actor admin;
    ClassId classId;

    @BeforeEach
    void people() {
        var accounts = new TestAccounts(jdbc);
        teacher = accounts.create("Tess Teacher", Role.TEACHER);
        otherTeacher = accounts.create("Otto Teacher", Role.TEACHER);
        student = accounts.create("Sam Student", Role.STUDENT);
        otherStudent = accounts.create("Sid Student", Role.STUDENT);
        parent = accounts.create("Pat Parent", Role.PARENT);
        otherParent = accounts.create("Per Parent", Role.PARENT);
        admin = accounts.create("Ada Admin", Role.ADMIN);
        var created = classes.create(teacher, "Algebra 1", null);
        classId = created.classId();
        classes.join(student, created.joinCode());
        classes.create(otherTeacher, "Geometry", null);
    }

    @Test
    void theLearnerThemselvesAndAdministratorsMay() {
        assertThat(classroom.mayAccessLearner(student, student.userId())).isTrue();
        assertThat(classroom.mayAccessLearner(admin, student.userId())).isTrue();
    }

    @Test
    void aTeacherMayWhileTheLearnerIsInTheirClass() {
        assertThat(classroom.mayAccessLearner(teacher, student.userId())).isTrue();
        assertThat(classroom.mayAccessLearner(otherTeacher, student.userId())).isFalse();
        assertThat(classroom.mayAccessLearner(teacher, otherStudent.userId())).isFalse();

        classes.removeStudent(teacher, classId, student.userId());

        assertThat(classroom.mayAccessLearner(teacher, student.userId())).isFalse();
    }

    @Test
    void aTeacherWhoseRoleWasWithdrawnMayNot() {
        var formerTeacher = new Actor(teacher.userId(), java.util.Set.of(Role.STUDENT));

        assertThat(classroom.mayAccessLearner(formerTeacher, student.userId())).isFalse();
        assertThat(classroom.mayManageClass(formerTeacher, classId)).isFalse();
        assertThat(classes.mine(formerTeacher)).isEmpty();
    }

    @Test
    void aGuardianMayWhileLinked() {
        assertThat(classroom.mayAccessLearner(parent, student.userId())).isFalse();
        var code = guardians.issueCode(student, student.userId(), null);
        guardians.link(parent, code.code(), null);

        assertThat(classroom.mayAccessLearner(parent, student.userId())).isTrue();
        assertThat(classroom.mayAccessLearner(otherParent, student.userId())).isFalse();
        assertThat(classroom.mayAccessLearner(parent, otherStudent.userId())).isFalse();
        assertThat(classroom.childrenOf(parent.userId())).containsExactly(student.userId());

        guardians.revoke(student, parent.userId(), null);

        assertThat(classroom.mayAccessLearner(parent, student.userId())).isFalse();
        assertThat(classroom.childrenOf(parent.userId())).isEmpty();
    }

    @Test
    void aStudentMayNotSeeAnotherStudentNotEvenAClassmate() {
        var joinCode = classes.view(teacher, classId).summary().joinCode();
        classes.join(otherStudent, joinCode);

        assertThat(classroom.mayAccessLearner(otherStudent, student.userId())).isFalse();
    }

    @Test
    void aRefusalIsA404ThatSaysNothingAboutTheLearner() {
        assertThatThrownBy(() -> classroom.requireLearnerAccess(otherTeacher, student.userId()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.NOT_FOUND);
                    assertThat(problem.detail()).doesNotContain(student.userId().toString());
                });
        classroom.requireLearnerAccess(teacher, student.userId());
    }

    @Test
    void classFactsForOtherModules() {
        assertThat(classroom.teaches(teacher.userId(), classId)).isTrue();
        assertThat(classroom.teaches(otherTeacher.userId(), classId)).isFalse();
        assertThat(classroom.studentsOf(classId)).containsExactly(student.userId());
        assertThat(classroom.classesOf(student.userId())).containsExactly(classId);
        assertThat(classroom.mayManageClass(teacher, classId)).isTrue();
        assertThat(classroom.mayManageClass(admin, classId)).isTrue();
        assertThat(classroom.mayManageClass(otherTeacher, classId)).isFalse();
        assertThat(classroom.mayManageClass(student, classId)).isFalse();
        assertThat(classroom.mayViewClass(student, classId)).isTrue();
        assertThat(classroom.mayViewClass(otherStudent, classId)).isFalse();
    }

    @Test
    void joiningPublishesStudentJoinedClassOnce(Scenario scenario) {
        var joinCode = classes.view(teacher, classId).summary().joinCode();

        scenario.stimulate(() -> classes.join(otherStudent, joinCode))
                .andWaitForEventOfType(StudentJoinedClass.class)
                .matching(event -> event.studentId().equals(otherStudent.userId()))
                .toArriveAndVerify(event -> assertThat(event.classId()).isEqualTo(classId));
    }

    @Test
    void linksAndUnlinksAreAuditedWithoutTheCode(Scenario scenario) {
        var code = guardians.issueCode(student, student.userId(), null).code();

        scenario.stimulate(() -> guardians.link(parent, code, "192.0.2.7"))
                .andWaitForEventOfType(Audited.class)
                .matching(event -> event.action().equals("classroom.guardian.linked"))
                .toArriveAndVerify(event -> {
                    assertThat(event.actorId()).isEqualTo(parent.userId().value());
                    assertThat(event.subjectId()).isEqualTo(student.userId().value());
                    assertThat(event.clientAddress()).isEqualTo("192.0.2.7");
                    assertThat(event.details().toString()).doesNotContain(code);
                });

        scenario.stimulate(() -> guardians.revoke(student, parent.userId(), null))
                .andWaitForEventOfType(Audited.class)
                .matching(event -> event.action().equals("classroom.guardian.unlinked"))
                .toArriveAndVerify(event -> {
                    assertThat(event.actorId()).isEqualTo(student.userId().value());
                    assertThat(event.details())
                            .containsEntry("guardianId", parent.userId().toString());
                });
    }
}
