package org.studyloop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An end-to-end test over real HTTP against the whole application on a random port. All such
 * tests share one application context; the per-address rate limits are raised because every test
 * client calls from 127.0.0.1 (the per-account limits stay as configured).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "studyloop.identity.limits.registrations-per-ip-per-hour=100000",
            "studyloop.identity.limits.sign-ins-per-ip-per-minute=100000",
            "studyloop.identity.limits.resets-per-ip-per-hour=100000"
        })
@ExtendWith(OutputCaptureExtension.class)
public @interface HttpTest {}
