package cloud.scaling.shared;

/**
 * A domain rule refusing a request, in domain terms: what kind of refusal, a machine-readable {@code code} and a
 * message for humans that names the field at fault. The web layer maps the kind to an HTTP status and the
 * Scaling error body, so services need not know HTTP.
 */
public final class Refusal extends RuntimeException {

    /** The kinds the web layer tells apart; each maps to one status. */
    public enum Kind {
        /** The request is wrong as a whole (400). */
        BAD_REQUEST,
        /** The caller may not do this (401, the spec's answer for a missing role). */
        UNAUTHORIZED,
        /** Nobody may do this to this object (403). */
        FORBIDDEN,
        NOT_FOUND,
        /** The object's state does not allow it (409). */
        CONFLICT,
        /** A field fails the schema or a rule on its value (422). */
        INVALID
    }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String message) {
        // No stack trace: a refusal is an answer, not a fault, and refusals are thrown on hot paths.
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not_found", what + " not found.");
    }

    public static Refusal badRequest(String code, String message) {
        return new Refusal(Kind.BAD_REQUEST, code, message);
    }

    /** A schema failure on a body field or parameter; the message is prefixed with the field's name. */
    public static Refusal invalid(String code, String field, String message) {
        return new Refusal(Kind.INVALID, code, field + ": " + message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public static Refusal forbidden(String code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message);
    }

    public static Refusal unauthorized(String code, String message) {
        return new Refusal(Kind.UNAUTHORIZED, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
