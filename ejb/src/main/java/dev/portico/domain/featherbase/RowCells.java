package dev.portico.domain.featherbase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a row's values: {@code <column id>:<length>:<value>} entries one after the
 * other, lengths in UTF-16 units, so any value (separators included) round-trips.
 */
public final class RowCells {

    private RowCells() {
    }

    /** The cells of a row holding {@code values} in the order of {@code columnIds}. */
    public static String encode(List<Long> columnIds, List<String> values) {
        Map<Long, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < columnIds.size(); i++) {
            byColumn.put(columnIds.get(i), values.get(i));
        }
        return encode(byColumn);
    }

    /** The values stored in {@code text} for {@code columnIds}, in that order; a column without a value reads as "". */
    public static List<String> values(String text, List<Long> columnIds) {
        Map<Long, String> byColumn = decode(text);
        List<String> values = new ArrayList<>(columnIds.size());
        for (Long id : columnIds) {
            values.add(byColumn.getOrDefault(id, ""));
        }
        return values;
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
