package dev.portico.web.csv;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break or has surrounding
 * whitespace, quotes doubled; text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) is prefixed with {@code '}.
 */
public final class CsvField {

    private CsvField() {
    }

    public static String of(String text) {
        String value = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || !value.equals(value.strip())) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
