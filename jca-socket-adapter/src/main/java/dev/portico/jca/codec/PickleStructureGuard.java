package dev.portico.jca.codec;

import dev.portico.text.PythonRepr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The structure guard of one {@link PickleDecoder} run: builds its containers and refuses what
 * Python would build but a server must not (a structure that contains itself or changes once
 * inside another, nesting deeper than {@value PickleDecoder#MAX_DEPTH}, more than
 * {@value PickleDecoder#PickleDecoder.MAX_ELEMENTS} values directly or through shared references, unhashable
 * dict keys), and counts the decode's steps of work against its budget.
 */
final class PickleStructureGuard {

    /** Nesting depth of every container built. */
    private final Map<Object, Integer> depths = new IdentityHashMap<>();
    /** Per container: how many values it holds once shared references are counted each time they occur. */
    private final Map<Object, Long> expandedSizes = new IdentityHashMap<>();
    /** Containers already inside another one: changing them could close a cycle. */
    private final Set<Object> contained = Collections.newSetFromMap(new IdentityHashMap<>());
    private final TupleInterner interner = new TupleInterner();
    private final Function<String, PickleException> failure;
    private final long maxSteps;
    private long steps;
    private int elements;

    /** @param failure the decoder's exception for a problem, naming the opcode and offset where it was met */
    PickleStructureGuard(int pickleLength, Function<String, PickleException> failure) {
        this.failure = failure;
        this.maxSteps = Math.max(PickleDecoder.MIN_STEPS, (long) PickleDecoder.STEPS_PER_BYTE * pickleLength);
    }

    /** Counts steps of work; refuses the pickle once they exceed its budget. */
    void charge(long work) throws PickleException {
        steps += work;
        if (steps > maxSteps) {
            throw failure.apply("pickle takes more than " + maxSteps + " steps to decode (values shared or colliding as dict keys)");
        }
    }

    /** Counts one more value pushed; refuses the pickle beyond {@value PickleDecoder#PickleDecoder.MAX_ELEMENTS}. */
    void counted() throws PickleException {
        if (++elements > PickleDecoder.MAX_ELEMENTS) {
            throw new PickleException("pickle has more than " + PickleDecoder.MAX_ELEMENTS + " values");
        }
    }

    /** The canonical instance of a scalar (so that dict keys compare cheaply). */
    Object scalar(Object value) {
        return interner.scalar(value);
    }

    <T> T container(T empty) {
        depths.put(empty, 1);
        expandedSizes.put(empty, 1L);
        return empty;
    }

    /** A tuple; one that can be a dict key is the canonical one of its value. */
    List<Object> tuple(List<Object> items) throws PickleException {
        charge(items.size());
        boolean hashable = items.stream().allMatch(this::usableAsKey);
        PickleTuple tuple = hashable ? interner.find(items) : null;
        if (tuple != null) {
            return tuple;
        }
        tuple = container(hashable ? interner.add(items) : new PickleTuple(items.toArray(), null));
        for (Object item : items) {
            nest(tuple, item);
        }
        return tuple;
    }

    ArrayList<Object> append(ArrayList<Object> list, List<Object> items) throws PickleException {
        charge(items.size());
        for (Object item : items) {
            nest(list, item);
            list.add(item);
        }
        return list;
    }

    LinkedHashMap<Object, Object> setItems(LinkedHashMap<Object, Object> dict, List<Object> items) throws PickleException {
        if (items.size() % 2 != 0) {
            throw failure.apply("odd number of keys and values");
        }
        charge(items.size());
        for (int i = 0; i < items.size(); i += 2) {
            Object key = items.get(i);
            if (!usableAsKey(key)) {
                throw failure.apply("dict key is a " + typeName(key));
            }
            nest(dict, key);
            nest(dict, items.get(i + 1));
            dict.put(key, items.get(i + 1));
            charge(interner.takeComparisons());
        }
        return dict;
    }

    /**
     * Records that {@code child} goes into {@code parent}. A container that is inside another
     * one is never changed again, which rules out cycles and keeps depths final.
     */
    private void nest(Object parent, Object child) throws PickleException {
        if (child == parent) {
            throw failure.apply("structure contains itself");
        }
        if (contained.contains(parent)) {
            throw failure.apply("changing a container already inside another (cyclic structures are not supported)");
        }
        long expanded = expandedSizes.get(parent) + expandedSizes.getOrDefault(child, 1L);
        if (expanded > PickleDecoder.MAX_ELEMENTS) {
            // Shared references can make a few bytes stand for an exponentially large structure,
            // which hashing, comparing or printing would then walk in full.
            throw failure.apply("pickle expands to more than " + PickleDecoder.MAX_ELEMENTS + " values through shared references");
        }
        expandedSizes.put(parent, expanded);
        Integer childDepth = depths.get(child);
        if (childDepth != null) {
            contained.add(child);
            if (childDepth + 1 > depths.get(parent)) {
                if (childDepth + 1 > PickleDecoder.MAX_DEPTH) {
                    throw failure.apply("nesting deeper than " + PickleDecoder.MAX_DEPTH);
                }
                depths.put(parent, childDepth + 1);
            }
        }
    }

    boolean usableAsKey(Object value) {
        return !(value instanceof ArrayList<?> || value instanceof Map<?, ?> || value instanceof byte[]
                || value instanceof PickleTuple tuple && !tuple.hashable());
    }

    private static String typeName(Object value) {
        return value instanceof PickleTuple ? "tuple holding a list, dict or bytes" : PythonRepr.typeName(value);
    }
}
