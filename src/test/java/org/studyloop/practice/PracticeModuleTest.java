package org.studyloop.practice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * A test of the practice module with the modules it depends on (catalog with its bundled courses,
 * classroom, identity), no web server, and a clock the test moves. Every class with this
 * annotation shares one Spring context, and so one clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(PracticeModuleTest.TestClock.class)
public @interface PracticeModuleTest {

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }
    }
}
