package dev.portico.web.console;

import java.nio.charset.StandardCharsets;

/**
 * The customer directory protocol's syntax applied to what the console's forms send: fields are
 * trimmed as the socket trims them (Python's {@code str.strip}), and a field the socket could not
 * carry, or a request longer than its 512-byte line, is refused with the socket's own answer.
 */
final class CustomerFields {

    /** The longest request line the customer directory listener reads (portico.customer.maxRequestBytes' default). */
    static final int MAX_LINE_BYTES = 512;

    private CustomerFields() {
    }

    /** {@code str.strip()}: Java's whitespace plus what Python also counts (no-break spaces, NEL). */
    static String strip(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || codePoint == 0x85 || codePoint == 0xA0 || codePoint == 0x2007 || codePoint == 0x202F;
    }

    /** Whether a socket client could send this field: no {@code |} (the field separator) and no line break. */
    static boolean fitsTheProtocol(String field) {
        return field.indexOf('|') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0;
    }

    /** Whether the request line made of these fields (e.g. {@code 2|name|age|address|phone}) is within the listener's limit. */
    static boolean fitsOneLine(String... fields) {
        return String.join("|", fields).getBytes(StandardCharsets.UTF_8).length <= MAX_LINE_BYTES;
    }
}
