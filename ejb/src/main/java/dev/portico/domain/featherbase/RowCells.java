package dev.portico.domain.featherbase;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of a row's values: {@code <column id>:<length>:<value>} entries one after the
 * other, lengths in UTF-16 units, so any value (separators included) round-trips.
 */
final class RowCells {

    private RowCells() {
    }

    static String encode(Map<Long, String> byColumn) {
        StringBuilder out = new StringBuilder();
        byColumn.forEach((column, value) -> out.append(column).append(':').append(value.length()).append(':').append(value));
        return out.toString();
    }

    static Map<Long, String> decode(String text) {
        Map<Long, String> byColumn = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length()) {
            int idEnd = text.indexOf(':', at);
            int lengthEnd = text.indexOf(':', idEnd + 1);
            if (idEnd < 0 || lengthEnd < 0) {
                throw new IllegalArgumentException("corrupt row cells at offset " + at);
            }
            long column = Long.parseLong(text, at, idEnd, 10);
            int length = Integer.parseInt(text, idEnd + 1, lengthEnd, 10);
            byColumn.put(column, text.substring(lengthEnd + 1, lengthEnd + 1 + length));
            at = lengthEnd + 1 + length;
        }
        return byColumn;
    }
}
