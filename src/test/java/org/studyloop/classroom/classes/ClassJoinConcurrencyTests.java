package org.studyloop.classroom.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.ClassroomModuleTest;
import org.studyloop.classroom.TestAccounts;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;

/**
 * "Everyone, type in the code now": a whole class joining at once must end with every student in
 * it. Spring Data JDBC rewrites the membership set on each save, so without the row lock taken by
 * {@link Classes#join} concurrent joins would drop each other's students or fail on the version.
 */
@ClassroomModuleTest
class ClassJoinConcurrencyTests {

    private static final int STUDENTS = 12;

    @Autowired
    Classes classes;

    @Autowired
    Rosters rosters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWholeClassJoiningAtOnceIsAllThere() throws Exception {
        var accounts = new TestAccounts(jdbc);
        var teacher = accounts.create("Tess Teacher", Role.TEACHER);
        var created = classes.create(teacher, "Everyone at once", null);
        var students = new ArrayList<Actor>();
        for (var i = 0; i < STUDENTS; i++) {
            students.add(accounts.create("Student " + i, Role.STUDENT));
        }
        var start = new CountDownLatch(1);
        var joins = new ArrayList<Callable<ClassId>>();
        for (var student : students) {
            joins.add(() -> {
                start.await();
                return classes.join(student, created.joinCode());
            });
        }

        try (var pool = Executors.newFixedThreadPool(STUDENTS)) {
            var futures = joins.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                assertThat(future.get(60, TimeUnit.SECONDS)).isEqualTo(created.classId());
            }
        }

        assertThat(rosters.studentsOf(created.classId()))
                .containsExactlyInAnyOrderElementsOf(
                        students.stream().map(Actor::userId).toList());
        assertThat(rosters.find(created.classId(), teacher.userId()))
                .hasValueSatisfying(
                        summary -> assertThat(summary.studentCount()).isEqualTo(STUDENTS));
    }
}
