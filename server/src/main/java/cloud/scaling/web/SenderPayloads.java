package cloud.scaling.web;

import cloud.scaling.api.model.AlertmanagerWebhook;
import cloud.scaling.api.model.GenericAlert;
import cloud.scaling.api.model.GrafanaWebhook;
import java.util.Set;

/**
 * The bodies of the alert ingest operations: notifications in a monitoring system's own format, sent by machines
 * that never retry a refusal and carry many fields this server does not model. They get a larger size limit
 * ({@link BodyLimits}) and are read tolerantly: an unknown field in them is ignored, not refused
 * ({@link JsonShape}).
 */
final class SenderPayloads {

    private static final Set<String> PATHS =
            Set.of("/v1/alerts/generic", "/v1/alerts/alertmanager", "/v1/alerts/grafana");
    private static final Set<Class<?>> MODELS =
            Set.of(GenericAlert.class, AlertmanagerWebhook.class, GrafanaWebhook.class);

    private SenderPayloads() {}

    static boolean isPath(String path) {
        return PATHS.contains(path);
    }

    static boolean isModel(Class<?> model) {
        return MODELS.contains(model);
    }
}
