package dev.portico.text;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Renders strings and lists of strings the way Python's {@code repr} does, as the reference server's
 * replies show them, and names the Python type of a decoded value.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** {@code ['a', 'b']}. */
    public static String list(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(string(values.get(i)));
        }
        return out.append(']').toString();
    }

    /** {@code 'a'}, or {@code "it's"} when the value holds a single quote and no double quote. */
    public static String string(String value) {
        char quote = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        value.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (!isPrintable(cp)) {
                out.append(cp <= 0xff ? String.format("\\x%02x", cp) : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(quote).toString();
    }

    /**
     * Python's {@code str.isprintable()} for one code point, which decides what {@code repr} escapes:
     * not printable are controls, format characters, surrogates, private use, unassigned code points,
     * and line, paragraph and space separators other than the space itself.
     */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * Python's name for the type of a value as a pickle or JSON decodes to Java: {@code NoneType},
     * {@code str}, {@code bool}, {@code int}, {@code float}, {@code bytes}, {@code dict}, {@code list};
     * any other value by its Java class.
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        } else if (value instanceof String) {
            return "str";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return "int";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof byte[]) {
            return "bytes";
        } else if (value instanceof Map) {
            return "dict";
        } else if (value instanceof List) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }
}
