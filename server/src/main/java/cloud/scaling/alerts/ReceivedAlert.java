package cloud.scaling.alerts;

/** One alert of a notification: usable ({@link IncomingAlert}) or not at all ({@link UnusableAlert}). */
public sealed interface ReceivedAlert permits IncomingAlert, UnusableAlert {}
