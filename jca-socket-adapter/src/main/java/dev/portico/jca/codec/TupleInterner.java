package dev.portico.jca.codec;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the values of one decode that can be dict keys canonical: one object per distinct str,
 * int and float, and one {@link PickleTuple} per distinct tuple of such values. A canonical tuple
 * is then found by the identity of its items, and equal canonical tuples are the same object, so
 * hashing and comparing keys never walk a structure again, however often it is shared.
 */
final class TupleInterner {

    private final Map<String, String> strings = new HashMap<>();
    private final Map<Long, Long> longs = new HashMap<>();
    private final Map<BigInteger, BigInteger> bigIntegers = new HashMap<>();
    private final Map<Double, Double> doubles = new HashMap<>();
    private final Map<Items, PickleTuple> tuples = new HashMap<>();
    private long comparisons;

    /** The canonical instance of a freshly decoded scalar (each class apart, so one class's hash collisions stay among its own). */
    Object scalar(Object value) {
        if (value instanceof String s) {
            return strings.computeIfAbsent(s, k -> k);
        } else if (value instanceof Long l) {
            return longs.computeIfAbsent(l, k -> k);
        } else if (value instanceof BigInteger b) {
            return bigIntegers.computeIfAbsent(b, k -> k);
        } else if (value instanceof Double d) {
            return doubles.computeIfAbsent(d, k -> k);
        }
        return value;
    }

    /** The canonical tuple of these canonical items, if one was made already; else null. */
    PickleTuple find(List<Object> items) {
        return tuples.get(new Items(items.toArray()));
    }

    /** A new canonical tuple of these canonical items (none may exist yet). */
    PickleTuple add(List<Object> items) {
        Object[] array = items.toArray();
        PickleTuple tuple = new PickleTuple(array, this);
        tuples.put(new Items(array), tuple);
        return tuple;
    }

    /** Counts one comparison of two distinct canonical tuples (a hash collision). */
    void compared() {
        comparisons++;
    }

    /** The comparisons counted since the last call. */
    long takeComparisons() {
        long taken = comparisons;
        comparisons = 0;
        return taken;
    }

    /** A tuple's items compared by identity: canonical items are equal only when identical. */
    private record Items(Object[] items) {

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Items that) || that.items.length != items.length) {
                return false;
            }
            for (int i = 0; i < items.length; i++) {
                if (items[i] != that.items[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (Object item : items) {
                hash = 31 * hash + System.identityHashCode(item);
            }
            return hash;
        }
    }
}
