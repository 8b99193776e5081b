package org.studyloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.studyloop.shared.command.CommandLauncher;

/**
 * StudyLoop: one deployable, many modules. Started without arguments (or with only
 * {@code --property=value} arguments) it serves the web application; started with a command name
 * ({@code java -jar studyloop.jar help}) it runs that maintenance command without a web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StudyLoopApplication {

    public static void main(String[] args) {
        var launcher = new CommandLauncher(StudyLoopApplication.class);
        if (launcher.isCommand(args)) {
            System.exit(launcher.run(args));
        }
        SpringApplication.run(StudyLoopApplication.class, args);
    }
}
