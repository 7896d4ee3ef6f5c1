package cloud.scaling.admin;

import cloud.scaling.auth.IssuedKey;
import cloud.scaling.auth.KeyCache;
import cloud.scaling.auth.KeySummary;
import cloud.scaling.auth.Role;
import cloud.scaling.orgs.Member;
import cloud.scaling.orgs.Provisioning;
import cloud.scaling.orgs.ProvisioningRefused;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The admin subcommands: each parses its options and calls one provisioning operation. */
final class Subcommands {

    private Subcommands() {}

    @Command(
            name = "create-org",
            mixinStandardHelpOptions = true,
            description = "Creates an organization with one admin user; prints {orgId, userId, apiKey} "
                    + "(the key is shown only this once).")
    static final class CreateOrg implements Runnable {
        @ParentCommand
        private AdminCli admin;

        @Option(names = "--name", required = true, description = "the organization's name")
        private String name;

        @Option(names = "--admin-email", required = true, description = "email address of its first admin")
        private String adminEmail;

        @Override
        public void run() {
            admin.print(admin.provisioning().createOrganization(name, adminEmail, null));
        }
    }

    @Command(
            name = "create-user",
            mixinStandardHelpOptions = true,
            description = "Adds a user to an organization; prints {orgId, userId, apiKey} (the key is shown only "
                    + "this once).")
    static final class CreateUser implements Runnable {
        @ParentCommand
        private AdminCli admin;

        @Option(names = "--org-id", required = true, description = "the organization (org_...)")
        private String orgId;

        @Option(
                names = "--email",
                required = true,
                description = "the user's email address, unique in the " + "organization")
        private String email;

        @Option(
                names = "--role",
                defaultValue = "org:member",
                converter = RoleConverter.class,
                description = "org:member (default) or org:admin")
        private Role role;

        @Override
        public void run() {
            admin.print(admin.provisioning().createUser(orgId, email, role));
        }
    }

    @Command(
            name = "list-orgs",
            mixinStandardHelpOptions = true,
            description = "Lists every organization, oldest first: [{id, name, createdAt}, ...].")
    static final class ListOrgs implements Runnable {
        @ParentCommand
        private AdminCli admin;

        @Override
        public void run() {
            admin.print(admin.provisioning().listOrganizations().stream()
                    .map(OrganizationView::of)
                    .toList());
        }
    }

    @Command(
            name = "list-users",
            mixinStandardHelpOptions = true,
            description = "Lists an organization's users (removed ones left out), oldest first: "
                    + "[{id, email, firstName, lastName, role, createdAt}, ...].")
    static final class ListUsers implements Runnable {
        @ParentCommand
        private AdminCli admin;

        @Option(names = "--org-id", required = true, description = "the organization (org_...)")
        private String orgId;

        @Override
        public void run() {
            admin.print(admin.provisioning().listUsers(orgId).stream()
                    .map(UserView::of)
                    .toList());
        }
    }

    @Command(
            name = "set-name",
            mixinStandardHelpOptions = true,
            description = "Sets a user's first and last name (an empty value clears one); prints the user.")
    static final class SetName implements Runnable {
        @ParentCommand
        private AdminCli admin;

        @Option(names = "--user-id", required = true, description = "the user (user_...)")
        private String userId;

        @Option(names = "--first-name", required = true, description = "first name, at most 100 characters")
        private String firstName;

        @Option(names = "--last-name", required = true, description = "last name, at most 100 characters")
        private String lastName;

        @Override
        public void run() {
            admin.print(UserView.of(admin.provisioning().setName(userId, firstName, lastName)));
        }
    }

    @Command(
            name = "set-email",
            mixinStandardHelpOptions = true,
            description = "Sets a user's email address, where they are paged from then on (unique in the "
                    + "organization); prints the user.")
    static final class SetEmail implements Runnable {
        @ParentCommand
        private AdminCli admin;

        @Option(names = "--user-id", required = true, description = "the user (user_...)")
        private String userId;

        @Option(names = "--email", required = true, description = "the new email address")
        private String email;

        @Override
        public void run() {
            admin.print(UserView.of(admin.provisioning().setEmail(userId, email)));
        }
    }

    @Command(
            name = "list-keys",
            mixinStandardHelpOptions = true,
            description = "Lists a user's API keys, revoked ones included, never the keys themselves: "
                    + "[{id, prefix, createdAt, lastUsedAt, revokedAt}, ...] (the API's field names).")
    static final class ListKeys implements Runnable {
        @ParentCommand
        private AdminCli admin;

        @Option(names = "--user-id", required = true, description = "the user (user_...)")
        private String userId;

        @Override
        public void run() {
            admin.print(admin.provisioning().listKeys(userId).stream()
                    .map(KeyView::of)
                    .toList());
        }
    }

    @Command(
            name = "issue-key",
            mixinStandardHelpOptions = true,
            description = "Issues another API key for a user; prints {id, userId, prefix, createdAt, key} (the API's "
                    + "field names; the key is shown only this once).")
    static final class IssueKey implements Runnable {
        @ParentCommand
        private AdminCli admin;

        @Option(names = "--user-id", required = true, description = "the user (user_...)")
        private String userId;

        @Override
        public void run() {
            admin.print(NewKeyView.of(admin.provisioning().issueKey(userId)));
        }
    }

    @Command(
            name = "revoke-key",
            mixinStandardHelpOptions = true,
            description = "Revokes the active API key with this prefix (the first 17 characters, as list-keys "
                    + "shows); returns once every running server refuses it (about half a second).")
    static final class RevokeKey implements Runnable {
        @ParentCommand
        private AdminCli admin;

        @Option(names = "--key-prefix", required = true, description = "scl_live_ and the next 8 characters")
        private String prefix;

        @Override
        public void run() {
            int matched = admin.provisioning().revokeKey(prefix);
            if (matched == 0) {
                throw new ProvisioningRefused(
                        ProvisioningRefused.Reason.NOT_FOUND, "No active key has the prefix " + prefix);
            }
            if (matched > 1) {
                throw new ProvisioningRefused(
                        ProvisioningRefused.Reason.CONFLICT,
                        matched + " active keys share the prefix " + prefix + "; none was revoked");
            }
            try {
                // Running servers may trust a cached copy of the key until their next revision check.
                Thread.sleep(KeyCache.MAX_STALENESS.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "Interrupted: the key is revoked, but running servers may accept " + "it for "
                                + KeyCache.MAX_STALENESS.toMillis() + " ms more",
                        e);
            }
            admin.print(Map.of("revoked", prefix));
        }
    }

    static final class RoleConverter implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            // picocli would print the exception's class beside its message; a user needs the values it takes.
            try {
                return Role.fromWireName(value);
            } catch (IllegalArgumentException unknown) {
                throw new picocli.CommandLine.TypeConversionException("Unknown role " + value + "; one of "
                        + java.util.Arrays.stream(Role.values())
                                .map(Role::wireName)
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
    }

    @Serdeable
    record OrganizationView(String id, String name, Instant createdAt) {
        static OrganizationView of(Provisioning.Listed org) {
            return new OrganizationView(org.id(), org.name(), org.createdAt());
        }
    }

    @Serdeable
    record UserView(
            String id,
            String orgId,
            String email,
            @Nullable String firstName,
            @Nullable String lastName,
            String role,
            Instant createdAt) {
        static UserView of(Member user) {
            return new UserView(
                    user.id(),
                    user.orgId(),
                    user.email(),
                    user.firstName(),
                    user.lastName(),
                    user.role().wireName(),
                    user.createdAt());
        }
    }

    /** A key as the API's {@code ApiKey} shows it. */
    @Serdeable
    record KeyView(
            String id,
            String prefix,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {
        static KeyView of(KeySummary key) {
            return new KeyView(key.id(), key.displayPrefix(), key.createdAt(), key.lastUsedAt(), key.revokedAt());
        }
    }

    /** A key just issued, as the API's {@code NewApiKey} names its fields (and the user it is for). */
    @Serdeable
    record NewKeyView(String id, String userId, String prefix, Instant createdAt, String key) {
        static NewKeyView of(IssuedKey issued) {
            return new NewKeyView(
                    issued.id(), issued.userId(), issued.displayPrefix(), issued.createdAt(), issued.apiKey());
        }
    }
}
