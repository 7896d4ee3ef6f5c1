package cloud.scaling;

import cloud.scaling.admin.AdminCommand;
import io.micronaut.runtime.Micronaut;

/** Starts the API server, or runs an admin command ({@code admin ...}) against the same database. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCommand.run(args));
        }
        // No banner: stdout carries only what scripts read, such as the demo organization's key.
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
