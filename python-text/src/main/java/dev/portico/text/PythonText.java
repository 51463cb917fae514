package dev.portico.text;

/** Python's {@code str.strip()}, {@code str.isspace()} and {@code str.splitlines()} boundaries, which differ from Java's. */
public final class PythonText {

    private PythonText() {
    }

    /**
     * {@code str.strip()}: removes what Python counts as whitespace, which is Java's whitespace plus
     * U+0085 (NEL), U+00A0 (no-break space), U+2007 (figure space) and U+202F (narrow no-break space),
     * all of which Java's {@link String#strip()} keeps.
     */
    public static String strip(String text) {
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
    public static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || codePoint == 0x85 || codePoint == 0xA0 || codePoint == 0x2007 || codePoint == 0x202F;
    }

    /** Whether {@code str.splitlines()} splits at this code point (LF, CR, U+000B, U+000C, U+001C to U+001E, U+0085, U+2028, U+2029). */
    public static boolean isLineBreak(int codePoint) {
        return switch (codePoint) {
            case '\n', '\r', 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029 -> true;
            default -> false;
        };
    }
}
