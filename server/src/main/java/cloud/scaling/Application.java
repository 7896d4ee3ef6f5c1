package cloud.scaling;

import cloud.scaling.admin.AdminCommand;
import cloud.scaling.meta.HealthProbe;
import cloud.scaling.startup.ContextBuilders;
import io.micronaut.context.ApplicationContext;
import sun.misc.Signal;

/**
 * Starts the API server, runs an admin command ({@code admin ...}) against the same database, or asks the server on
 * this machine whether it is healthy ({@code health}, a container's health check).
 */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("health")) {
            System.exit(HealthProbe.run(System.out));
        }
        if (args.length > 0 && args[0].equals("--version")) {
            System.out.println(AdminCommand.version());
            return;
        }
        // No banner: stdout carries only what scripts read, such as the demo organization's key.
        // No bootstrap context either: nothing configures the server from a remote source, and asking whether
        // anything might scans the bean definitions once more at every start.
        ApplicationContext context = ContextBuilders.server(args)
                .mainClass(Application.class)
                .banner(false)
                .bootstrapEnvironment(false)
                .start();
        stopFirstOnSignal(context, "TERM");
        stopFirstOnSignal(context, "INT");
    }

    /**
     * On SIGTERM or Ctrl-C the server stops (requests, then the scheduler, then the pool) before the JVM's shutdown
     * hooks run: they run all at once, and the embedded H2's hook closed the database under a scheduler and
     * requests still using it (stack traces, a .trace.db file).
     */
    private static void stopFirstOnSignal(ApplicationContext context, String signal) {
        Signal.handle(new Signal(signal), received -> {
            if (context.isRunning()) {
                context.stop();
            }
            System.exit(128 + received.getNumber());
        });
    }
}
