package org.studyloop.classroom;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * A test of the classroom module with only the modules it depends on (identity, for accounts and
 * names, and what identity needs in turn, such as mail), without a web server. Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(ClassroomModuleTest.PlatformClock.class)
public @interface ClassroomModuleTest {

    /** The clock bean comes from the platform module, which a module test of classroom leaves out. */
    @TestConfiguration(proxyBeanMethods = false)
    class PlatformClock {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
