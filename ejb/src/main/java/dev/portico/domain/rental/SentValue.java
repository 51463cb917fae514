package dev.portico.domain.rental;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a rental intake as a channel received it, typed as Python's plain data (what a pickle
 * or a JSON body decodes to). {@link RentalPayload} checks its shape and values and names what it
 * got, the way Python would show it, when it refuses one.
 */
public sealed interface SentValue {

    /** {@code str}. */
    record Text(String text) implements SentValue { }

    /** {@code int} of any size ({@code bool} is {@link Truth}). */
    record Whole(BigInteger number) implements SentValue { }

    /** {@code float}. */
    record Real(double number) implements SentValue { }

    /** {@code bool}. */
    record Truth(boolean value) implements SentValue { }

    /** {@code None} (JSON {@code null}). */
    record Nothing() implements SentValue { }

    /** {@code bytes}, of which only the length is kept. */
    record Bytes(int length) implements SentValue { }

    /**
     * A {@code list} or {@code tuple} (a JSON array) of {@code size} values; {@code items} holds them, or is empty where
     * the channel did not carry them (a container below the depth an intake is read, which only its kind and
     * size describe).
     */
    record Items(int size, List<SentValue> items) implements SentValue {
        public Items {
            items = List.copyOf(items);
            if (!items.isEmpty() && items.size() != size) {
                throw new IllegalArgumentException(size + " items, but " + items.size() + " given");
            }
        }

        /** A list with all its values. */
        public Items(List<SentValue> items) {
            this(items.size(), items);
        }

        /** A list described only by its size. */
        public static Items ofSize(int size) {
            return new Items(size, List.of());
        }
    }

    /** A {@code dict} (a JSON object), its entries in the order received. */
    record Mapping(Map<SentValue, SentValue> entries) implements SentValue {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** The value under a text key, or null when there is none. */
        public SentValue get(String key) {
            return entries.get(new Text(key));
        }
    }
}
