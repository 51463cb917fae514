package dev.portico.jca.codec;

import dev.portico.jca.api.RentalValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types a decoded pickle ({@link PickleDecoder}'s plain data) as a {@link RentalValue}, at the edge
 * of the socket channel. The decoder has bounded the structure (depth, values through shared
 * references), so walking it is bounded too.
 */
final class RentalValues {

    private RentalValues() {
    }

    static RentalValue of(Object decoded) {
        if (decoded == null) {
            return new RentalValue.Nothing();
        } else if (decoded instanceof String text) {
            return new RentalValue.Text(text);
        } else if (decoded instanceof Boolean truth) {
            return new RentalValue.Truth(truth);
        } else if (decoded instanceof Long number) {
            return new RentalValue.Whole(BigInteger.valueOf(number));
        } else if (decoded instanceof BigInteger number) {
            return new RentalValue.Whole(number);
        } else if (decoded instanceof Double number) {
            return new RentalValue.Real(number);
        } else if (decoded instanceof byte[] bytes) {
            return new RentalValue.Bytes(bytes.length);
        } else if (decoded instanceof List<?> list) {
            List<RentalValue> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(of(item)));
            return new RentalValue.Items(items);
        } else if (decoded instanceof Map<?, ?> map) {
            Map<RentalValue, RentalValue> entries = new LinkedHashMap<>();
            map.forEach((key, value) -> entries.put(of(key), of(value)));
            return new RentalValue.Mapping(entries);
        }
        throw new IllegalArgumentException("not plain data from a pickle: " + decoded.getClass().getName());
    }
}
