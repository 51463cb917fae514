package dev.portico.web.console;

import dev.portico.text.PythonText;

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

    /** The field as the socket trims it ({@link PythonText#strip}, Python's {@code str.strip}); empty for none. */
    static String strip(String text) {
        return text == null ? "" : PythonText.strip(text);
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
