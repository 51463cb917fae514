package dev.portico.jca.codec;

/** Text handling the way the reference server's Python did it. */
final class PythonText {

    private PythonText() {
    }

    /** {@code str.strip()}: removes what Python counts as whitespace, which includes no-break spaces and NEL. */
    static String strip(String text) {
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

    /** {@code str.isspace()} for one code point. */
    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || codePoint == 0x85 || codePoint == 0xA0 || codePoint == 0x2007 || codePoint == 0x202F;
    }
}
