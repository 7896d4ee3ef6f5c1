package cloud.scaling.pager;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import java.util.Arrays;
import java.util.Locale;

/** Stores a domain enum as its lower-case name, the spelling the wire and the table's CHECK use. */
abstract class WireEnum<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    WireEnum(Class<E> type) {
        this.type = type;
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String convertToPersistedValue(E value, ConversionContext context) {
        return value == null ? null : wire(value);
    }

    @Override
    public E convertToEntityValue(String value, ConversionContext context) {
        return value == null
                ? null
                : Arrays.stream(type.getEnumConstants())
                        .filter(constant -> wire(constant).equals(value))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " " + value));
    }
}
