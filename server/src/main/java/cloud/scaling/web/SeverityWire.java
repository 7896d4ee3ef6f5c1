package cloud.scaling.web;

import cloud.scaling.shared.Severity;
import cloud.scaling.shared.WireEnum;

/** The shared domain {@link Severity} to and from the generated wire enum, for the controllers of every feature. */
public final class SeverityWire {

    private SeverityWire() {}

    public static Severity domain(cloud.scaling.api.model.Severity wire) {
        return WireEnum.translate(wire, Severity.class);
    }

    public static cloud.scaling.api.model.Severity wire(Severity domain) {
        return WireEnum.translate(domain, cloud.scaling.api.model.Severity.class);
    }
}
