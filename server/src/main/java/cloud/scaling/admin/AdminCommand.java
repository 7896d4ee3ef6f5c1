package cloud.scaling.admin;

import cloud.scaling.auth.KeyCache;
import cloud.scaling.orgs.Provisioning;
import cloud.scaling.auth.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar scaling-server.jar admin <command> --option value ...}: provisioning without a dashboard.
 * Runs against the same database as the server (the embedded one while the server runs, thanks to H2's
 * AUTO_SERVER) without starting HTTP. Results go to stdout as one JSON line; errors to stderr.
 */
public final class AdminCommand {

    private static final String USAGE = """
            Usage:
              admin create-org  --name NAME --admin-email EMAIL
              admin create-user --org-id ORG_ID --email EMAIL [--role org:member|org:admin]
              admin revoke-key  --key-prefix PREFIX
              admin list-keys   --user-id USER_ID
              admin issue-key   --user-id USER_ID""";

    private AdminCommand() {
    }

    /** Runs {@code args} (starting with "admin") and returns the process exit code. */
    public static int run(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (args.length < 2) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options;
        try {
            options = options(List.of(args).subList(2, args.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("scaling.seed-demo", false)).start()) {
            Provisioning provisioning = context.getBean(Provisioning.class);
            JsonMapper json = context.getBean(JsonMapper.class);
            switch (args[1]) {
                case "create-org" -> print(out, json, provisioning.createOrganization(
                        required(options, "name"), required(options, "admin-email"), null));
                case "create-user" -> print(out, json, provisioning.createUser(required(options, "org-id"),
                        required(options, "email"), Role.fromWireName(options.getOrDefault("role", "org:member"))));
                case "list-keys" -> print(out, json, provisioning.listKeys(required(options, "user-id")));
                case "issue-key" -> print(out, json, provisioning.issueKey(required(options, "user-id")));
                case "revoke-key" -> {
                    String prefix = required(options, "key-prefix");
                    int matched = provisioning.revokeKey(prefix);
                    if (matched != 1) {
                        err.println(matched == 0 ? "No active key has the prefix " + prefix
                                : matched + " active keys share the prefix " + prefix + "; give a longer one");
                        return 1;
                    }
                    // Running servers may trust a cached copy of the key until their next revision check.
                    Thread.sleep(KeyCache.MAX_STALENESS.toMillis());
                    out.println("{\"revoked\":\"" + prefix + "\"}");
                }
                default -> {
                    err.println("Unknown admin command " + args[1] + "\n" + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted: the key is revoked, but running servers may accept it for "
                    + KeyCache.MAX_STALENESS.toMillis() + " ms more");
            return 1;
        }
    }

    private static void print(PrintStream out, JsonMapper json, Object result) {
        try {
            out.println(json.writeValueAsString(result));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("Expected --option value pairs, got " + String.join(" ", args));
            }
            options.put(name.substring(2), args.get(i + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return value;
    }
}
