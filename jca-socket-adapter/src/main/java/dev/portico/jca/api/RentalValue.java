package dev.portico.jca.api;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a rental intake as the client sent it, typed as Python's plain data (what a pickle may
 * hold and the decoder accepts): the application checks its meaning, and names what it got when it
 * refuses it.
 */
public sealed interface RentalValue {

    /** {@code str}. */
    record Text(String text) implements RentalValue { }

    /** {@code int} of any size ({@code bool} is {@link Truth}). */
    record Whole(BigInteger number) implements RentalValue { }

    /** {@code float}. */
    record Real(double number) implements RentalValue { }

    /** {@code bool}. */
    record Truth(boolean value) implements RentalValue { }

    /** {@code None}. */
    record Nothing() implements RentalValue { }

    /** {@code bytes} or {@code bytearray}, of which only the length is kept. */
    record Bytes(int length) implements RentalValue { }

    /**
     * A {@code list} or {@code tuple} of {@code size} values; {@code items} holds them, or is empty where
     * the channel did not carry them (a container below the depth an intake is read, which only its kind and
     * size describe).
     */
    record Items(int size, List<RentalValue> items) implements RentalValue {
        public Items {
            items = List.copyOf(items);
            if (!items.isEmpty() && items.size() != size) {
                throw new IllegalArgumentException(size + " items, but " + items.size() + " given");
            }
        }

        /** A list with all its values. */
        public Items(List<RentalValue> items) {
            this(items.size(), items);
        }

        /** A list described only by its size. */
        public static Items ofSize(int size) {
            return new Items(size, List.of());
        }
    }

    /** A {@code dict}, its entries in the order sent. */
    record Mapping(Map<RentalValue, RentalValue> entries) implements RentalValue {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }
}
