package org.studyloop.shared.command;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Runs {@code java -jar studyloop.jar <command> [args]}: finds the {@link Command} of that name,
 * starts the application without a web server, runs the command and returns its exit code.
 */
public final class CommandLauncher {

    private final Class<?> application;
    private final PrintStream out;
    private final PrintStream err;

    public CommandLauncher(Class<?> application) {
        this(application, System.out, System.err);
    }

    public CommandLauncher(Class<?> application, PrintStream out, PrintStream err) {
        this.application = application;
        this.out = out;
        this.err = err;
    }

    /** A command is named by the first argument; {@code --property=value} arguments start the server. */
    public boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    public int run(String[] args) {
        var name = args[0];
        var rest = Arrays.asList(args).subList(1, args.length);
        if (name.equals("help")) {
            return help(rest);
        }
        var command = commands().stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            err.println("Unknown command '" + name + "'. Run 'help' to list the commands.");
            return 2;
        }
        return execute(command.get(), rest);
    }

    private int execute(Command command, List<String> args) {
        // A command quiets the log to warnings; the logging system is the JVM's, so the level is
        // put back afterwards for whatever else runs in this JVM (tests, an embedding program).
        var logging = LoggingSystem.get(application.getClassLoader());
        var root = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME);
        var rootLevel = root == null ? LogLevel.INFO : root.getEffectiveLevel();
        try {
            return start(command, args);
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, rootLevel);
        }
    }

    private int start(Command command, List<String> args) {
        var springArgs =
                args.stream().filter(a -> a.startsWith("--") && a.contains("=")).toArray(String[]::new);
        var commandArgs = args.stream()
                .filter(a -> !(a.startsWith("--") && a.contains("=")))
                .toList();
        var app = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "spring.main.banner-mode", "off",
                        "spring.main.log-startup-info", "false",
                        "logging.level.root", "warn",
                        "studyloop.command", command.name()))
                .build();
        try (var context = app.run(springArgs)) {
            var bean = context.getBeansWithAnnotation(Command.class).values().stream()
                    .filter(b -> b instanceof MaintenanceCommand)
                    .filter(b -> annotationOf(b.getClass())
                            .map(c -> c.name().equals(command.name()))
                            .orElse(false))
                    .map(MaintenanceCommand.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No bean for command " + command.name()));
            return bean.run(commandArgs, out);
        } catch (Exception e) {
            err.println(command.name() + " failed: " + e.getMessage());
            return 1;
        }
    }

    private int help(List<String> args) {
        var commands = commands();
        if (!args.isEmpty()) {
            var wanted =
                    commands.stream().filter(c -> c.name().equals(args.get(0))).findFirst();
            if (wanted.isEmpty()) {
                err.println("Unknown command '" + args.get(0) + "'.");
                return 2;
            }
            var c = wanted.get();
            out.println(
                    "Usage: java -jar studyloop.jar " + c.name() + (c.usage().isEmpty() ? "" : " " + c.usage()));
            out.println();
            out.println(c.summary());
            return 0;
        }
        out.println("Usage: java -jar studyloop.jar [COMMAND [ARGS]] [--property=value ...]");
        out.println();
        out.println("Without a command, StudyLoop starts the web application.");
        out.println();
        out.println("Commands:");
        out.printf("  %-22s %s%n", "help [COMMAND]", "List the commands, or describe one");
        for (var c : commands) {
            out.printf("  %-22s %s%n", c.name(), c.summary());
        }
        return 0;
    }

    /** The commands on the class path, read from their annotations without starting Spring. */
    public List<Command> commands() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
        return scanner.findCandidateComponents(application.getPackageName()).stream()
                .map(definition ->
                        ClassUtils.resolveClassName(definition.getBeanClassName(), application.getClassLoader()))
                .map(CommandLauncher::annotationOf)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Command::name))
                .toList();
    }

    private static Optional<Command> annotationOf(Class<?> type) {
        return Optional.ofNullable(org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
                ClassUtils.getUserClass(type), Command.class));
    }
}
