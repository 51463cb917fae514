package dev.portico.jca.codec;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The text arguments of a pickle's protocol-0 opcodes (INT, LONG, FLOAT, STRING, UNICODE, memo
 * indexes) and its integers, read as Python reads them; a malformed one is {@link Malformed}, which
 * the decoder reports with the opcode and offset where it was met.
 */
final class PickleText {

    /** Python's default limit on the digits of an int, see {@link PickleDecoder#MAX_DIGITS}. */
    private static final BigInteger TOO_MANY_DIGITS = BigInteger.TEN.pow(PickleDecoder.MAX_DIGITS);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    /** A text argument that is not what its opcode needs; the message names the problem. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        Malformed(String problem) {
            super(problem);
        }
    }

    private PickleText() {
    }

    /** INT: {@code 01} and {@code 00} are True and False (protocol 0 bools), else a decimal. */
    static Object textInt(String text) throws Malformed {
        return switch (text) {
            case "01" -> Boolean.TRUE;
            case "00" -> Boolean.FALSE;
            default -> decimal(text);
        };
    }

    /** LONG: a decimal with an optional trailing {@code L}. */
    static Object textLong(String text) throws Malformed {
        return decimal(text.endsWith("L") ? text.substring(0, text.length() - 1) : text);
    }

    private static Object decimal(String text) throws Malformed {
        if (!DECIMAL.matcher(text).matches()) {
            throw new Malformed("not a decimal integer: " + shown(text));
        }
        if (text.replaceFirst("^[+-]", "").length() > PickleDecoder.MAX_DIGITS) {
            throw new Malformed("integer of more than " + PickleDecoder.MAX_DIGITS + " digits");
        }
        return text.length() <= 18 ? Long.valueOf(text) : shortest(new BigInteger(text));
    }

    /** LONG1 and LONG4: little-endian two's complement, of at most {@value PickleDecoder#MAX_DIGITS} decimal digits. */
    static Object binaryInt(byte[] littleEndian) throws Malformed {
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        if (bigEndian.length == 0) {
            return Long.valueOf(0);
        }
        BigInteger value = new BigInteger(bigEndian);
        if (value.bitLength() >= TOO_MANY_DIGITS.bitLength() - 1 && value.abs().compareTo(TOO_MANY_DIGITS) >= 0) {
            throw new Malformed("integer of more than " + PickleDecoder.MAX_DIGITS + " digits");
        }
        return shortest(value);
    }

    private static Object shortest(BigInteger value) {
        return value.bitLength() < 64 ? Long.valueOf(value.longValue()) : value;
    }

    static Double textFloat(String text) throws Malformed {
        if (!FLOAT.matcher(text).matches()) {
            throw new Malformed("not a float: " + shown(text));
        }
        boolean negative = text.startsWith("-");
        String magnitude = text.replaceFirst("^[+-]", "").toLowerCase();
        if (magnitude.startsWith("inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return magnitude.equals("nan") ? Double.NaN : Double.valueOf(text);
    }

    static long memoIndex(String text) throws Malformed {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Malformed("bad memo index " + shown(text));
        }
        return Long.parseLong(text);
    }

    /** STRING: a quoted Python bytes literal, escapes decoded as {@code codecs.escape_decode} does. */
    static byte[] escapeDecode(byte[] line) throws Malformed {
        int n = line.length;
        if (n < 2 || line[0] != line[n - 1] || (line[0] != '\'' && line[0] != '"')) {
            throw new Malformed("argument is not quoted");
        }
        byte[] out = new byte[n];
        int size = 0;
        for (int i = 1; i < n - 1; i++) {
            byte b = line[i];
            if (b != '\\') {
                out[size++] = b;
                continue;
            }
            if (++i == n - 1) {
                throw new Malformed("trailing \\ in string");
            }
            int c = line[i];
            switch (c) {
                case 'a' -> out[size++] = 7;
                case 'b' -> out[size++] = 8;
                case 't' -> out[size++] = 9;
                case 'n' -> out[size++] = 10;
                case 'v' -> out[size++] = 11;
                case 'f' -> out[size++] = 12;
                case 'r' -> out[size++] = 13;
                case '\\', '\'', '"' -> out[size++] = (byte) c;
                case 'x' -> {
                    int high = i + 1 < n - 1 ? Character.digit(line[i + 1], 16) : -1;
                    int low = i + 2 < n - 1 ? Character.digit(line[i + 2], 16) : -1;
                    if (high < 0 || low < 0) {
                        throw new Malformed("invalid \\x escape");
                    }
                    out[size++] = (byte) (high * 16 + low);
                    i += 2;
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int value = c - '0';
                        for (int digits = 1; digits < 3 && i + 1 < n - 1 && line[i + 1] >= '0' && line[i + 1] <= '7'; digits++) {
                            value = value * 8 + line[++i] - '0';
                        }
                        out[size++] = (byte) value;
                    } else {
                        out[size++] = '\\';
                        out[size++] = (byte) c;
                    }
                }
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** UNICODE: Latin-1 text with {@code \}{@code uXXXX} and {@code \}{@code UXXXXXXXX} escapes (raw-unicode-escape). */
    static String rawUnicodeEscape(byte[] line) throws Malformed {
        StringBuilder text = new StringBuilder(line.length);
        for (int i = 0; i < line.length; i++) {
            int b = line[i] & 0xff;
            if (b != '\\' || i + 1 == line.length) {
                text.append((char) b);
                continue;
            }
            int c = line[++i] & 0xff;
            int digits = c == 'u' ? 4 : c == 'U' ? 8 : 0;
            if (digits == 0) {
                text.append('\\').append((char) c);
                continue;
            }
            long codePoint = 0;
            for (int d = 0; d < digits; d++) {
                int digit = ++i < line.length ? Character.digit(line[i], 16) : -1;
                if (digit < 0) {
                    throw new Malformed("truncated \\" + (char) c + " escape");
                }
                codePoint = codePoint * 16 + digit;
            }
            if (codePoint > Character.MAX_CODE_POINT) {
                throw new Malformed("\\U escape out of range");
            }
            // Python keeps a surrogate escape as a lone surrogate (a pair too stays two), which no UTF-8 text holds:
            // refused here as in UTF-8, rather than stored as '?' by the driver or joined into another character.
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                throw new Malformed(String.format("escape of a lone surrogate \\u%04x", codePoint));
            }
            text.appendCodePoint((int) codePoint);
        }
        return text.toString();
    }

    /** Strict UTF-8: malformed bytes and lone surrogates are refused. */
    static String utf8(byte[] encoded) throws Malformed {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(encoded)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("malformed UTF-8");
        }
    }

    private static String shown(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
}
