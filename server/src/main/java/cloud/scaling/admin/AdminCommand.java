package cloud.scaling.admin;

import cloud.scaling.orgs.ProvisioningRefused;
import io.micronaut.data.exceptions.DataAccessException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar scaling-server.jar admin <command> --option value ...}: provisioning without a dashboard.
 * Runs against the same database as the server (the embedded one while the server runs, thanks to H2's
 * AUTO_SERVER) without starting HTTP or the schedulers. Results go to stdout as one JSON line; an error is one line
 * on stderr, and the exit code says which kind it was (see {@link #USAGE}, {@link #NOT_FOUND}, ...).
 */
public final class AdminCommand {

    /** Missing or malformed options, an unknown command, an invalid value (an email address, a role). */
    public static final int USAGE = 2;
    /** The organization, user or key named does not exist (or the user was removed). */
    public static final int NOT_FOUND = 3;
    /** The change would duplicate what exists (a user's email address in the organization). */
    public static final int CONFLICT = 4;
    /** The database cannot be reached, or refused the work for a reason of its own. */
    public static final int DATABASE = 5;
    /** Anything else: a defect. */
    public static final int UNEXPECTED = 1;

    private AdminCommand() {}

    /** {@code scaling-server VERSION}, from the jar's manifest, as {@code --version} prints it. */
    public static String version() {
        return new AdminCli.Version().getVersion()[0];
    }

    /** Runs {@code args} (starting with "admin") and returns the process exit code. */
    public static int run(String[] args) {
        // Failures are reported as one line each; the pool's and Flyway's own logs would add stack traces. So no
        // logging at all: SLF4J's no-op provider, chosen before the first logger exists, also spares the command
        // logback's start (~0.15 s of a command's ~2 s). The second property keeps SLF4J from announcing the choice.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        return run(args, System.out, System.err, Map.of());
    }

    /** Runs {@code args} with these streams and extra context properties (a test's database). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> properties) {
        String[] commandArgs =
                args.length > 0 && args[0].equals("admin") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        try (AdminCli cli = new AdminCli(properties, out, err)) {
            CommandLine commandLine = new CommandLine(cli);
            // Only the subcommand named, when one is: help and usage errors (no name, an unknown one) get them all.
            String named = commandArgs.length > 0 ? commandArgs[0] : "";
            List<Class<?>> subcommands = AdminCli.SUBCOMMANDS.stream()
                    .filter(type -> type.getAnnotation(Command.class).name().equals(named))
                    .toList();
            (subcommands.isEmpty() ? AdminCli.SUBCOMMANDS : subcommands).forEach(commandLine::addSubcommand);
            // Set after the subcommands are added: picocli hands these settings to the subcommands it has.
            commandLine
                    .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                    .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                    .setParameterExceptionHandler((e, ignored) -> {
                        err.println(e.getMessage() + " (see: admin " + helpPath(e.getCommandLine()) + "--help)");
                        return USAGE;
                    })
                    .setExecutionExceptionHandler((e, ignored, parsed) -> failure(e, err));
            return commandLine.execute(commandArgs);
        }
    }

    private static String helpPath(CommandLine command) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }

    /** One line on stderr, never a stack trace; the exit code says what kind of failure it was. */
    private static int failure(Exception e, PrintStream err) {
        if (e instanceof ProvisioningRefused refused) {
            err.println(refused.getMessage());
            return switch (refused.reason()) {
                case INVALID -> USAGE;
                case NOT_FOUND -> NOT_FOUND;
                case CONFLICT -> CONFLICT;
            };
        }
        if (e instanceof IllegalArgumentException) {
            err.println(e.getMessage());
            return USAGE;
        }
        SQLException sql = cause(e, SQLException.class);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
            // An integrity constraint: another command or request created the same thing a moment earlier.
            err.println("Conflict: " + oneLine(sql.getMessage()));
            return CONFLICT;
        }
        if (sql != null || cause(e, DataAccessException.class) != null || cause(e, FlywayException.class) != null) {
            err.println("Database trouble: " + oneLine((sql != null ? sql : deepest(e)).getMessage()));
            return DATABASE;
        }
        err.println("Unexpected failure: " + oneLine(String.valueOf(deepest(e))));
        return UNEXPECTED;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable deepest(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
