package dev.portico.jca.codec;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A decoded tuple: an unmodifiable list whose hash is computed once (its items never change).
 * Tuples that can be dict keys are made canonical by their decode ({@link TupleInterner}): within
 * that decode, two canonical tuples are equal only when they are the same object, so comparing
 * them costs one step, however large the structure they share, and each such comparison is
 * counted against the decode's work budget.
 */
final class PickleTuple extends AbstractList<Object> implements RandomAccess {

    private final Object[] items;
    /** The interner that made this tuple canonical; null for a tuple that holds a list, dict or bytes. */
    private final TupleInterner canonicalIn;
    private int hash;
    private boolean hashed;

    PickleTuple(Object[] items, TupleInterner canonicalIn) {
        this.items = items;
        this.canonicalIn = canonicalIn;
    }

    /** Whether this tuple can be a dict key (it holds only scalars and such tuples). */
    boolean hashable() {
        return canonicalIn != null;
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public int hashCode() {
        if (!hashed) {
            hash = super.hashCode();
            hashed = true;
        }
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (other instanceof PickleTuple tuple) {
            if (canonicalIn != null && tuple.canonicalIn == canonicalIn) {
                canonicalIn.compared();
                return false;
            }
            if (tuple.size() != size() || tuple.hashCode() != hashCode()) {
                return false;
            }
        }
        return super.equals(other);
    }
}
