package org.studyloop.shared.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a {@link MaintenanceCommand} bean and describes it, so that {@code help} can list the
 * commands by scanning the class path without starting the application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface Command {

    /** The name typed on the command line, in kebab case ({@code import-pack}). */
    String name();

    /** One line saying what the command does. */
    String summary();

    /** The arguments it takes ({@code PATH [--dry-run]}), empty when none. */
    String usage() default "";
}
