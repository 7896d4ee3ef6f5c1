package cloud.scaling.client;

/** The fields of a Scaling error body, as read from a response (any of them but the status may be null). */
record ErrorBody(int statusCode, String type, String code, String requestId, String message) {}
