package dev.portico.text;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonCaseTest {

    /** Cases written by Python's own {@code str.lower()} (ejb/src/test/python/generate_python_lower.py). */
    private static List<String[]> pythonCases() throws IOException {
        List<String[]> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(PythonCaseTest.class.getResourceAsStream("python-lower-cases.txt"))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    String[] sides = line.split(" ; ");
                    cases.add(new String[] {text(sides[0]), text(sides[1])});
                }
            }
        }
        return cases;
    }

    private static String text(String hexes) {
        StringBuilder out = new StringBuilder();
        for (String hex : hexes.split(" ")) {
            out.appendCodePoint(Integer.parseInt(hex, 16));
        }
        return out.toString();
    }

    @Test
    void everyCodePointLowersAsPythonLowersIt() throws IOException {
        Map<String, String> changed = new HashMap<>();
        for (String[] c : pythonCases()) {
            if (c[0].codePointCount(0, c[0].length()) == 1) {
                changed.put(c[0], c[1]);
            }
        }
        assertTrue(changed.size() > 1400, "the generated table lists every code point that changes: " + changed.size());
        List<String> wrong = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String single = new String(Character.toChars(cp));
            String expected = changed.getOrDefault(single, single);
            if (!PythonCase.lower(single).equals(expected)) {
                wrong.add(Integer.toHexString(cp));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void generatedStringsLowerAsPythonLowersThemFinalSigmaIncluded() throws IOException {
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (String[] c : pythonCases()) {
            count++;
            String actual = PythonCase.lower(c[0]);
            if (!actual.equals(c[1])) {
                wrong.add(c[0] + " -> " + actual + " (Python: " + c[1] + ")");
            }
        }
        assertTrue(count > 10_000, "cases read: " + count);
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())));
    }

    @Test
    void dottedCapitalIBecomesIWithCombiningDotSoIzmirAndIzmirDiffer() {
        assertEquals("i\u0307zmir", PythonCase.lower("İzmir"));
        assertNotEquals(PythonCase.lower("İzmir"), PythonCase.lower("izmir"));
    }

    @Test
    void capitalSigmaAtTheEndOfAWordIsFinalSoSisyphusMatchesInAnyCase() {
        assertEquals("σίσυφος", PythonCase.lower("ΣΊΣΥΦΟΣ"));
        assertEquals(PythonCase.lower("σίσυφος"), PythonCase.lower("ΣΊΣΥΦΟΣ"));
        assertEquals("σ", PythonCase.lower("Σ"), "a lone sigma has no cased letter before it");
        assertEquals("aς'", PythonCase.lower("AΣ'"), "case-ignorable characters after it are skipped");
    }

    @Test
    void asciiLowersLikeJava() {
        assertEquals("john o'neil 42", PythonCase.lower("John O'Neil 42"));
        String same = "already lower";
        assertTrue(same == PythonCase.lower(same), "nothing to change, nothing copied");
    }

    @Test
    void aPrefixEndingInCapitalSigmaMayContinueTheWord() {
        assertEquals(List.of("ος", "οσ"), PythonCase.lowerPrefixes("ΟΣ"));
        assertEquals(List.of("σίσ"), PythonCase.lowerPrefixes("σίσ"));
        assertEquals(List.of("i\u0307z"), PythonCase.lowerPrefixes("İz"));
    }

    @Test
    void codePointOrderIsPythonsStringOrderNotUtf16Order() {
        String supplementary = new String(Character.toChars(0x10400 + 0x28));  // U+10428, a lower-case Deseret letter
        String privateUse = "\uE000";
        assertTrue(supplementary.compareTo(privateUse) < 0, "UTF-16 puts the surrogate pair first");
        assertTrue(PythonCase.compareCodePoints(supplementary, privateUse) > 0, "Python puts U+10428 after U+E000");
        assertTrue(PythonCase.compareCodePoints("ab", "abc") < 0);
        assertEquals(0, PythonCase.compareCodePoints("σ", "σ"));
    }
}
