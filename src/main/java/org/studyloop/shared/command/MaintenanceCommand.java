package org.studyloop.shared.command;

import java.io.PrintStream;
import java.util.List;

/**
 * A maintenance task run from the same jar without the web server: {@code java -jar studyloop.jar
 * <name> [args]}. Implementations are Spring beans annotated with {@link Command}; they run in a
 * full, non-web application context, so they reach the database and every module's API.
 */
public interface MaintenanceCommand {

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name, Spring's own {@code --property=value}
     *     arguments removed
     * @param out where results go; logs go to the log, not here
     * @return the process exit code: 0 on success, 1 on failure, 2 on a usage error
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
