package dev.portico.jca.codec;

import dev.portico.jca.api.RentalValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types a decoded pickle ({@link PickleDecoder}'s plain data) as a {@link RentalValue}, at the edge
 * of the socket channel, carrying only what an intake is read by (rental-intake.md, "Payload"): the
 * payload's {@code 'users'}, {@code 'CarStatus'} and {@code 'Time_Rent'} lists, their entries where
 * they are pairs, and the pairs' values; any other container keeps only its kind and size. So the
 * work is linear in the pickle's length, however much a pickle shares (a few bytes can stand for a
 * million values through shared references, which the application never reads).
 */
final class RentalValues {

    /** The payload's keys, as the protocol names them. */
    private static final List<String> LISTS = List.of("users", "CarStatus", "Time_Rent");

    private RentalValues() {
    }

    /** The payload a pickle decoded to. */
    static RentalValue payload(Object decoded) {
        if (!(decoded instanceof Map<?, ?> map)) {
            return value(decoded);
        }
        Map<RentalValue, RentalValue> lists = new LinkedHashMap<>();
        for (String key : LISTS) {
            if (map.containsKey(key)) {
                lists.put(new RentalValue.Text(key), list(map.get(key)));
            }
        }
        return new RentalValue.Mapping(lists);
    }

    /** One of the payload's lists: its entries, each a pair with its values or described by kind and size. */
    private static RentalValue list(Object decoded) {
        if (!(decoded instanceof List<?> list)) {
            return value(decoded);
        }
        List<RentalValue> entries = new ArrayList<>(list.size());
        for (Object entry : list) {
            entries.add(entry instanceof List<?> pair && pair.size() == 2
                    ? new RentalValue.Items(List.of(value(pair.get(0)), value(pair.get(1))))
                    : value(entry));
        }
        return new RentalValue.Items(entries);
    }

    /** A value as its type and, for scalars, itself; a container by its kind (and a list by its size). */
    static RentalValue value(Object decoded) {
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
            return RentalValue.Items.ofSize(list.size());
        } else if (decoded instanceof Map<?, ?>) {
            return new RentalValue.Mapping(Map.of());
        }
        throw new IllegalArgumentException("not plain data from a pickle: " + decoded.getClass().getName());
    }
}
