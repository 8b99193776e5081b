package org.studyloop.practice.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.catalog.Catalog;
import org.studyloop.classroom.TestAccounts;
import org.studyloop.classroom.classes.Classes;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.identity.Role;
import org.studyloop.identity.account.Passwords;
import org.studyloop.practice.Practice;
import org.studyloop.shared.DemoMode;

/**
 * The demo class as a demo start leaves it, on the tests' external database (where demo mode is
 * off): the demo teacher and students as identity's demo runner makes them (the teacher and the
 * demo student can sign in with the demo password), the class as classroom's runner makes it, and
 * the cohort simulated by practice's runner. Whichever test asks first pays for the simulation.
 */
public final class DemoCohortFixture {

    public static final String PASSWORD = "demo-password-1";

    public record Demo(Actor teacher, List<Actor> students) {}

    private DemoCohortFixture() {}

    public static synchronized Demo ensure(ApplicationContext context) throws Exception {
        var jdbc = context.getBean(JdbcClient.class);
        var accounts = new TestAccounts(jdbc);
        var teacher = accounts.createIfAbsent(DemoMode.TEACHER, "Tess Teacher", Role.TEACHER);
        var students = new ArrayList<Actor>();
        students.add(accounts.createIfAbsent(DemoMode.STUDENT, "Sam Student", Role.STUDENT));
        DemoMode.COHORT.forEach(m -> students.add(accounts.createIfAbsent(m.email(), m.name(), Role.STUDENT)));
        var hash = context.getBean(Passwords.class).hash(PASSWORD);
        jdbc.sql("update identity.account set password_hash = ? where email in (?, ?)")
                .params(hash, DemoMode.TEACHER, DemoMode.STUDENT)
                .update();
        var classes = context.getBean(Classes.class);
        var demoClass = classes.mine(teacher).stream()
                .filter(c -> c.teaching() && c.name().equals("Demo class"))
                .findFirst();
        var joinCode = demoClass.isPresent()
                ? demoClass.get().joinCode()
                : classes.create(teacher, "Demo class", null).joinCode();
        students.forEach(student -> classes.join(student, joinCode));
        runner(context).run(new DefaultApplicationArguments());
        return new Demo(teacher, List.copyOf(students));
    }

    /** Practice's demo runner as a demo start makes it. */
    static DemoCohort runner(ApplicationContext context) {
        var environment = new MockEnvironment().withProperty("studyloop.demo", "true");
        return new DemoCohort(
                context.getBean(SimulatedStudy.class),
                context.getBean(DemoAssignments.class),
                context.getBean(Identity.class),
                context.getBean(Catalog.class),
                context.getBean(Practice.class),
                context.getBean(TransactionTemplate.class),
                context.getBean(JdbcClient.class),
                environment,
                context.getBean(Clock.class));
    }
}
