package cloud.scaling.oncall;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One place in a layer's rotation; {@code seq} orders them (gaps allowed, after a member left). */
@MappedEntity("oncall_layer_participants")
record ParticipantRow(@Id String layerId, int seq, String userId) {}
