package dev.portico.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonTextTest {

    /** Python 3.11: {@code [c for c in range(0x110000) if chr(c).isspace()]}. */
    private static final Set<Integer> PYTHON_WHITESPACE = Set.of(0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0,
            0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
            0x205f, 0x3000);

    @Test
    void whitespaceIsExactlyWhatPythonsIsspaceAccepts() {
        Set<Integer> ours = new TreeSet<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (PythonText.isSpace(cp)) {
                ours.add(cp);
            }
        }
        assertEquals(new TreeSet<>(PYTHON_WHITESPACE), ours);
    }

    @Test
    void stripRemovesNoBreakSpacesAndNextLineButKeepsInnerSpaces() {
        assertEquals("John Smith", PythonText.strip("\u00a0\u0085 John Smith\u202f\t"));
        assertEquals("", PythonText.strip("\u2007\u3000"));
        assertEquals("x", PythonText.strip("x"));
    }

    /** Where Python and Java differ: Python's strip removes these, Java's String.strip keeps them. */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "0085", "2007", "202F"})
    void stripRemovesEachCharacterJavaStripKeeps(String hex) {
        String space = Character.toString(Integer.parseInt(hex, 16));
        assertEquals("a b", PythonText.strip(space + "a b" + space));
        assertEquals(space + "a b" + space, (space + "a b" + space).strip(), "Java's strip keeps it");
    }

    @Test
    void lineBreaksAreThoseOfPythonsSplitlines() {
        // Python 3.11: [c for c in range(0x110000) if len(('a' + chr(c) + 'b').splitlines()) == 2]
        Set<Integer> expected = new TreeSet<>(Set.of(0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029));
        Set<Integer> ours = new TreeSet<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (PythonText.isLineBreak(cp)) {
                ours.add(cp);
            }
        }
        assertEquals(expected, ours);
    }

    /** Byte strings and Python's {@code bytes.decode('utf-8', 'replace')} of each (python-text/src/test/python/generate_python_utf8_replace.py). */
    @Test
    void decodesUtf8AsPythonReplacesIllFormedBytes() throws IOException {
        int cases = 0;
        try (InputStream in = Objects.requireNonNull(PythonTextTest.class.getResourceAsStream("python-utf8-replace.txt"))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] sides = line.split(" ; ");
                String[] hexes = sides[0].split(" ");
                byte[] bytes = new byte[hexes.length + 2];
                for (int i = 0; i < hexes.length; i++) {
                    bytes[i + 1] = (byte) Integer.parseInt(hexes[i], 16);
                }
                StringBuilder python = new StringBuilder();
                if (!sides[1].equals("-")) {
                    for (String hex : sides[1].split(" ")) {
                        python.appendCodePoint(Integer.parseInt(hex, 16));
                    }
                }
                assertEquals(python.toString(), PythonText.decodeUtf8(bytes, 1, hexes.length), sides[0]);
                cases++;
            }
        }
        assertTrue(cases > 10_000, cases + " cases");
        assertEquals("Q\uFFFD\uFFFD\uFFFDQ", PythonText.decodeUtf8(new byte[] {'Q', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'Q'}, 0, 5),
                "an encoded surrogate: three replacements, where Java's decoder makes one");
    }
}
