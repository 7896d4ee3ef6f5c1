package cloud.scaling.alerts;

/**
 * An alert of a notification that cannot be used at all (no labels, a timestamp that is not RFC 3339): it is
 * recorded with its reason and an excerpt of what was sent, and the rest of the notification is taken.
 */
public record UnusableAlert(String code, String message, String excerpt) implements ReceivedAlert {}
