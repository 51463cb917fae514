package dev.portico.jca.codec;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Looking at what {@link PickleDecoder} built, for the fuzz targets. */
final class PickleValues {

    /** How much of a value {@link #show} writes. */
    static final int SHOWN_CHARS = 4096;

    private PickleValues() {
    }

    /** The value written out (byte arrays in hex), cut after {@value #SHOWN_CHARS} characters. */
    static String show(Object value) {
        StringBuilder out = new StringBuilder();
        show(value, out);
        return out.length() > SHOWN_CHARS ? out.substring(0, SHOWN_CHARS) + "..." : out.toString();
    }

    private static void show(Object value, StringBuilder out) {
        if (out.length() > SHOWN_CHARS) {
            return;
        }
        if (value instanceof byte[] bytes) {
            out.append("b'").append(HexFormat.of().formatHex(bytes)).append('\'');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                show(entry.getKey(), out.append(' '));
                show(entry.getValue(), out.append(": "));
                if (out.length() > SHOWN_CHARS) {
                    return;
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (Object item : list) {
                show(item, out.append(' '));
                if (out.length() > SHOWN_CHARS) {
                    return;
                }
            }
            out.append(']');
        } else {
            out.append(value == null ? "None" : value.getClass().getSimpleName() + " " + value);
        }
    }

    /**
     * Checks that a decoded value holds only plain data and is no bigger than the pickle's
     * {@code length} bytes allow: every container, entry and character was paid for by at least
     * one byte of the pickle (shared parts counted once).
     */
    static void checkBounded(Object value, int length) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> toVisit = new ArrayDeque<>();
        toVisit.push(value == null ? "" : value);
        long containers = 0;
        long entries = 0;
        long units = 0;
        while (!toVisit.isEmpty()) {
            Object next = toVisit.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof LinkedHashMap<?, ?> map) {
                containers++;
                entries += map.size();
                map.forEach((k, v) -> {
                    pushUnlessNull(toVisit, k);
                    pushUnlessNull(toVisit, v);
                });
            } else if (next instanceof List<?> list) {
                containers++;
                entries += list.size();
                list.forEach(item -> pushUnlessNull(toVisit, item));
            } else if (next instanceof String text) {
                units += text.length();
            } else if (next instanceof byte[] bytes) {
                units += bytes.length;
            } else if (next instanceof BigInteger big) {
                units += big.bitLength() / 8;
            } else if (!(next instanceof Long || next instanceof Double || next instanceof Boolean)) {
                fail("not plain data: " + next.getClass());
            }
        }
        String sizes = containers + " containers, " + entries + " entries, " + units + " characters/bytes";
        assertTrue(containers <= length && entries <= length && units <= length, () -> sizes + " from a pickle of " + length + " bytes");
    }

    private static void pushUnlessNull(Deque<Object> toVisit, Object value) {
        if (value != null) {
            toVisit.push(value);
        }
    }
}
