package cloud.scaling.orgs;

/**
 * Why provisioning did nothing: the input is invalid, what it names does not exist, or it would duplicate what
 * exists. Callers (the admin command) tell these apart, e.g. by exit code.
 */
public class ProvisioningRefused extends RuntimeException {

    /** The kinds of refusal, each a different answer for the operator. */
    public enum Reason {
        INVALID,
        NOT_FOUND,
        CONFLICT
    }

    private final Reason reason;

    public ProvisioningRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
