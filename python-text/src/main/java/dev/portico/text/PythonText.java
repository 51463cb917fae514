package dev.portico.text;

/**
 * Python's {@code str.strip()}, {@code str.isspace()}, {@code str.splitlines()} boundaries and
 * {@code bytes.decode('utf-8', 'replace')}, which differ from Java's.
 */
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

    /**
     * {@code bytes.decode('utf-8', 'replace')}: each maximal part of an ill-formed sequence becomes one U+FFFD, as
     * Python (and the Unicode standard's recommended practice) replaces it. Java's decoder differs for encoded
     * surrogates ({@code ED A0 80}: one U+FFFD in Java, three in Python), so text the legacy Python server stored
     * would not match.
     */
    public static String decodeUtf8(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                out.append((char) lead);
                i++;
                continue;
            }
            int continuations;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
                low = lead == 0xE0 ? 0xA0 : 0x80;  // shorter forms are overlong
                high = lead == 0xED ? 0x9F : 0xBF; // ED A0..BF would encode surrogates
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
                low = lead == 0xF0 ? 0x90 : 0x80;  // overlong
                high = lead == 0xF4 ? 0x8F : 0xBF; // beyond U+10FFFF
            } else {
                out.append('\uFFFD');
                i++;
                continue;
            }
            int codePoint = lead & (0x3F >> continuations);
            int next = i + 1;
            boolean whole = true;
            for (int k = 0; k < continuations; k++, next++) {
                int b = next < end ? bytes[next] & 0xFF : -1;
                if (b < (k == 0 ? low : 0x80) || b > (k == 0 ? high : 0xBF)) {
                    whole = false;
                    break;
                }
                codePoint = codePoint << 6 | b & 0x3F;
            }
            if (whole) {
                out.appendCodePoint(codePoint);
            } else {
                out.append('\uFFFD');
            }
            i = next;
        }
        return out.toString();
    }
}
