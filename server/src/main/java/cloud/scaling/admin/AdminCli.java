package cloud.scaling.admin;

import cloud.scaling.orgs.Provisioning;
import cloud.scaling.schema.SchemaMigrations;
import cloud.scaling.startup.ContextBuilders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code admin} command and what its subcommands share: a small application context, started on first use
 * (so {@code --help} and usage errors answer at once), that holds the datasource, Flyway (an empty database is
 * migrated first) and the provisioning services, but no HTTP server, schedulers, metrics or demo seeding.
 */
@Command(
        name = "admin",
        // Inherited by every subcommand, so that `admin list-orgs --version` names the version too.
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = AdminCli.Version.class,
        description = "Provisioning against the server's database (also while the server runs).",
        footer = {
            "",
            "Exit codes: 0 done, 2 usage error or invalid value, 3 not found, 4 conflict, "
                    + "5 database trouble, 1 unexpected."
        })
final class AdminCli implements Runnable, AutoCloseable {

    /**
     * The subcommands, in the order the help lists them. Not in the annotation: picocli would build the model of
     * every one of them (reflection over their options) on every run, and a run needs one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            Subcommands.CreateOrg.class,
            Subcommands.CreateUser.class,
            Subcommands.ListOrgs.class,
            Subcommands.ListUsers.class,
            Subcommands.SetName.class,
            Subcommands.SetEmail.class,
            Subcommands.ListKeys.class,
            Subcommands.IssueKey.class,
            Subcommands.RevokeKey.class,
            Backup.class);

    /**
     * What the command needs of the server's configuration, and no more: the schedulers and key-usage writers
     * only start with the HTTP server (which never starts here); the rest is switched off explicitly, and the pool
     * needs a connection or two, not the server's 32.
     */
    private static final Map<String, Object> ADMIN_ONLY = Map.of(
            "scaling.seed-demo", false,
            "scaling.scheduler.enabled", false,
            "micronaut.metrics.enabled", false,
            "datasources.default.maximum-pool-size", 2,
            "datasources.default.minimum-idle", 0);

    private static final String URL = "datasources.default.url";

    @Spec
    private CommandSpec spec;

    private final Map<String, Object> properties;
    private final PrintStream out;
    private final PrintStream err;
    private ApplicationContext context;

    AdminCli(Map<String, Object> extraProperties, PrintStream out, PrintStream err) {
        this.properties = new HashMap<>(ADMIN_ONLY);
        this.properties.putAll(extraProperties);
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    Provisioning provisioning() {
        return context().getBean(Provisioning.class);
    }

    /**
     * The database as it is, not migrated first: a backup before an upgrade must hold the schema the old release
     * wrote. Call before anything else starts the context.
     */
    DataSource unmigratedDataSource() {
        properties.put(SchemaMigrations.ENABLED, false);
        return DelegatingDataSource.unwrapDataSource(context().getBean(DataSource.class));
    }

    /** Prints the result as one JSON line on stdout. */
    void print(Object result) {
        try {
            out.println(context().getBean(JsonMapper.class).writeValueAsString(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApplicationContext context() {
        if (context == null) {
            refuseToGuess();
            context = ContextBuilders.context()
                    .deduceEnvironment(false)
                    .bootstrapEnvironment(false)
                    .banner(false)
                    .properties(properties)
                    .start();
            // Which database the command acts on, so that nobody changes the embedded one believing it to be the
            // server's PostgreSQL (stderr: stdout carries only the result).
            err.println("Database: "
                    + describe(context.getProperty(URL, String.class).orElse("(none)")));
        }
        return context;
    }

    /**
     * Without a database named (SCALING_DB_URL), a command acts on the embedded database in ./data, application.yml's
     * default, but only on one that exists: where none does, the operator most likely meant the server's PostgreSQL,
     * and creating an empty database to act on would hide the mistake (an organization created where no server
     * reads it, an empty list).
     */
    private void refuseToGuess() {
        boolean named = properties.containsKey(URL)
                || System.getenv("SCALING_DB_URL") != null
                || System.getProperty(URL) != null;
        Path embedded = Path.of("data", "scaling.mv.db").toAbsolutePath();
        if (!named && !Files.isRegularFile(embedded)) {
            throw new IllegalArgumentException("No database to act on: SCALING_DB_URL is not set and there is no"
                    + " embedded database at " + embedded + ". Set SCALING_DB_URL (and SCALING_DB_USER,"
                    + " SCALING_DB_PASSWORD) as the server has them; to create the embedded database here, start"
                    + " the server once (./run) or set SCALING_DB_URL=jdbc:h2:file:./data/scaling.");
        }
    }

    /** A JDBC URL as an operator recognises it, without its settings (which may hold a password). */
    static String describe(String url) {
        String bare = url.replaceAll("[;?].*$", "").replaceAll("//[^/@]*@", "//");
        if (bare.startsWith("jdbc:h2:file:")) {
            return "H2 file "
                    + Path.of(bare.substring("jdbc:h2:file:".length()))
                            .toAbsolutePath()
                            .normalize()
                    + ".mv.db (the embedded database; SCALING_DB_URL names the server's PostgreSQL)";
        }
        if (bare.startsWith("jdbc:postgresql:")) {
            return "PostgreSQL " + bare.substring("jdbc:".length());
        }
        return bare;
    }

    @Override
    public void close() {
        if (context != null && context.isRunning()) {
            context.close();
        }
    }

    /** {@code admin --version}: the server jar's version. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AdminCli.class.getPackage().getImplementationVersion();
            return new String[] {"scaling-server " + (version == null ? "(development build)" : version)};
        }
    }
}
