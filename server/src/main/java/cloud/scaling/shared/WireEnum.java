package cloud.scaling.shared;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Stores a domain enum as its lower-case name, the spelling the wire and the tables' CHECK constraints use. Each
 * domain enum declares a {@code Column} subclass for {@code @MappedProperty(converter = ...)}.
 */
public abstract class WireEnum<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnum(Class<E> type) {
        this.type = type;
    }

    /** The stored (and wire) spelling of {@code value}; also what custom SQL binds. */
    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} spelled {@code value}; a value no constant has is a clear error. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> wire(constant).equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " " + value));
    }

    /**
     * The constant of {@code to} with the same name as {@code value}: domain and generated wire enums share their
     * spelling, so a feature's mapper translates by name (its test checks every constant has its twin).
     */
    public static <T extends Enum<T>> T translate(Enum<?> value, Class<T> to) {
        return value == null ? null : Enum.valueOf(to, value.name());
    }

    @Override
    public String convertToPersistedValue(E value, ConversionContext context) {
        return value == null ? null : wire(value);
    }

    @Override
    public E convertToEntityValue(String value, ConversionContext context) {
        return value == null ? null : parse(type, value);
    }
}
