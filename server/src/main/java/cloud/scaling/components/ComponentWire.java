package cloud.scaling.components;

import cloud.scaling.shared.WireEnum;

/** The components feature's domain enum to and from the generated wire enum, for its controller only. */
final class ComponentWire {

    private ComponentWire() {}

    static OperationalStatus status(cloud.scaling.api.model.OperationalStatus wire) {
        return WireEnum.translate(wire, OperationalStatus.class);
    }

    static cloud.scaling.api.model.OperationalStatus status(OperationalStatus domain) {
        return WireEnum.translate(domain, cloud.scaling.api.model.OperationalStatus.class);
    }
}
