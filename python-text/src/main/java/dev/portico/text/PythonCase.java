package dev.portico.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str.lower()}, which the reference server used for its name keys: the full
 * lower-case mapping of each code point ({@code İ} becomes {@code i} and U+0307) and capital sigma
 * as final {@code ς} at the end of a word (after a cased letter, not before one, case-ignorable
 * characters skipped), with the tables of Python 3.11 (Unicode 14.0) from {@code python-lower.txt},
 * so the JVM's own Unicode version does not matter. Java's {@code toLowerCase} differs in all three.
 */
public final class PythonCase {

    /** Code-point order, as Python compares strings (Java's {@code compareTo} compares UTF-16 units). */
    public static final Comparator<String> CODE_POINT_ORDER = PythonCase::compareCodePoints;

    private static final int CAPITAL_SIGMA = 0x3A3;
    private static final Tables TABLES = Tables.load();

    private PythonCase() {
    }

    /** {@code text.lower()} as Python computes it. */
    public static String lower(String text) {
        if (isAsciiWithoutUpper(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == CAPITAL_SIGMA) {
                out.appendCodePoint(isFinalSigma(text, i) ? 0x3C2 : 0x3C3);
            } else if (cp < 0x80) {
                out.append(cp >= 'A' && cp <= 'Z' ? (char) (cp + 32) : (char) cp);
            } else {
                String mapped = TABLES.lower.get(cp);
                if (mapped == null) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(mapped);
                }
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * The lower-cased forms a name starting with {@code prefix} can have at its start: one, or two
     * when the prefix ends in a capital sigma, which is final {@code ς} only if the name ends there.
     */
    public static List<String> lowerPrefixes(String prefix) {
        String lower = lower(prefix);
        String continued = lower(prefix + "a");
        continued = continued.substring(0, continued.length() - 1);
        return lower.equals(continued) ? List.of(lower) : List.of(lower, continued);
    }

    /** Compares by code point, as Python's {@code <} on {@code str}. */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static boolean isAsciiWithoutUpper(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= 0x80 || (ch >= 'A' && ch <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** CPython's {@code handle_capital_sigma}: {@code \p{cased} \p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased})}. */
    private static boolean isFinalSigma(String text, int at) {
        int j = at;
        int before = -1;
        while (j > 0) {
            int cp = text.codePointBefore(j);
            j -= Character.charCount(cp);
            if (!TABLES.ignorable(cp)) {
                before = cp;
                break;
            }
        }
        if (before < 0 || !TABLES.cased(before)) {
            return false;
        }
        for (int k = at + 1; k < text.length(); ) {
            int cp = text.codePointAt(k);
            if (!TABLES.ignorable(cp)) {
                return !TABLES.cased(cp);
            }
            k += Character.charCount(cp);
        }
        return true;
    }

    /** The lower-case mappings and the Cased and Case_Ignorable ranges, read once from the generated resource. */
    private record Tables(Map<Integer, String> lower, int[] ignorableRanges, int[] casedRanges) {

        static Tables load() {
            Map<Integer, String> lower = new HashMap<>();
            List<Integer> ignorable = new ArrayList<>();
            List<Integer> cased = new ArrayList<>();
            try (InputStream in = PythonCase.class.getResourceAsStream("python-lower.txt")) {
                if (in == null) {
                    throw new IllegalStateException("python-lower.txt is missing beside " + PythonCase.class.getName());
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] parts = line.split(" ");
                    switch (parts[0]) {
                        case "M" -> {
                            StringBuilder mapped = new StringBuilder();
                            for (int p = 2; p < parts.length; p++) {
                                mapped.appendCodePoint(Integer.parseInt(parts[p], 16));
                            }
                            lower.put(Integer.parseInt(parts[1], 16), mapped.toString());
                        }
                        case "I" -> addRange(ignorable, parts);
                        case "C" -> addRange(cased, parts);
                        default -> {
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("python-lower.txt could not be read", e);
            }
            return new Tables(Map.copyOf(lower), toArray(ignorable), toArray(cased));
        }

        boolean ignorable(int cp) {
            return contains(ignorableRanges, cp);
        }

        boolean cased(int cp) {
            return contains(casedRanges, cp);
        }

        private static void addRange(List<Integer> ranges, String[] parts) {
            ranges.add(Integer.parseInt(parts[1], 16));
            ranges.add(Integer.parseInt(parts[2], 16));
        }

        private static int[] toArray(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Whether a sorted array of inclusive [first, last] pairs holds the code point. */
        private static boolean contains(int[] ranges, int cp) {
            int low = 0;
            int high = ranges.length / 2 - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (cp < ranges[2 * mid]) {
                    high = mid - 1;
                } else if (cp > ranges[2 * mid + 1]) {
                    low = mid + 1;
                } else {
                    return true;
                }
            }
            return false;
        }
    }
}
