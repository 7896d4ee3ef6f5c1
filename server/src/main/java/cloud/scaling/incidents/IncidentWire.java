package cloud.scaling.incidents;

import cloud.scaling.shared.WireEnum;

/**
 * The incidents feature's domain enums to and from the generated wire enums, for its controllers and views only
 * (severity is shared: {@link cloud.scaling.web.SeverityWire}).
 */
public final class IncidentWire {

    private IncidentWire() {}

    public static IncidentStatus status(cloud.scaling.api.model.IncidentStatus wire) {
        return WireEnum.translate(wire, IncidentStatus.class);
    }

    public static cloud.scaling.api.model.IncidentStatus status(IncidentStatus domain) {
        return WireEnum.translate(domain, cloud.scaling.api.model.IncidentStatus.class);
    }

    public static Visibility visibility(cloud.scaling.api.model.Visibility wire) {
        return WireEnum.translate(wire, Visibility.class);
    }

    public static cloud.scaling.api.model.Visibility visibility(Visibility domain) {
        return WireEnum.translate(domain, cloud.scaling.api.model.Visibility.class);
    }
}
