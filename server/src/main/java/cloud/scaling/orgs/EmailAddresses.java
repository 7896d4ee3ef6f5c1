package cloud.scaling.orgs;

import java.util.regex.Pattern;

/**
 * The email addresses provisioning accepts: one {@code @} between a local part without spaces and a domain of
 * letter/digit/hyphen labels (a single label, such as {@code test}, included, as Jakarta's {@code @Email} allows).
 */
final class EmailAddresses {

    /** The column's width. */
    private static final int MAX_LENGTH = 320;

    private static final Pattern ADDRESS = Pattern.compile(
            "[^@\\s\"(),:;<>\\[\\\\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private EmailAddresses() {}

    static boolean isValid(String email) {
        return email != null
                && email.length() <= MAX_LENGTH
                && ADDRESS.matcher(email).matches();
    }

    static String requireValid(String email) {
        if (!isValid(email)) {
            throw new ProvisioningRefused(ProvisioningRefused.Reason.INVALID, "Not a valid email address: " + email);
        }
        return email;
    }
}
