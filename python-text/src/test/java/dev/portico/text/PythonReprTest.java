package dev.portico.text;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Python {@code repr} of strings and lists, as the reference server's replies show them (checked against CPython 3). */
class PythonReprTest {

    @Test
    void plainStringIsSingleQuoted() {
        assertEquals("'abc'", PythonRepr.string("abc"));
        assertEquals("''", PythonRepr.string(""));
    }

    @Test
    void stringWithSingleQuoteOnlyIsDoubleQuoted() {
        assertEquals("\"it's\"", PythonRepr.string("it's"));
    }

    @Test
    void stringWithBothQuotesIsSingleQuotedWithTheSingleQuoteEscaped() {
        assertEquals("'it\\'s \"x\"'", PythonRepr.string("it's \"x\""));
    }

    @Test
    void doubleQuoteAloneIsNotEscaped() {
        assertEquals("'say \"hi\"'", PythonRepr.string("say \"hi\""));
    }

    @Test
    void backslashIsDoubled() {
        assertEquals("'a\\\\b'", PythonRepr.string("a\\b"));
    }

    @Test
    void controlCharactersAreEscapedLikePython() {
        assertEquals("'a\\nb\\tc\\rd\\x01\\x7f'", PythonRepr.string("a\nb\tc\rd\u0001\u007f"));
    }

    @Test
    void nonPrintableCharactersAreEscapedLikePythonLineBreaksAndSeparatorsIncluded() {
        // repr('a\x85b\xa0c\u2028d\u200be\ue000f\U0010ffffg\U000e0001 \u0378') in CPython 3.11
        assertEquals("'a\\x85b\\xa0c\\u2028d\\u200be\\ue000f\\U0010ffffg\\U000e0001 \\u0378'",
                PythonRepr.string("a\u0085b\u00a0c\u2028d\u200be\ue000f\udbff\udfffg\udb40\udc01 \u0378"));
    }

    @Test
    void printableNonAsciiIsKeptAsIs() {
        assertEquals("'Zoë \uFFFD'", PythonRepr.string("Zoë \uFFFD"));
    }

    @Test
    void listIsBracketedAndCommaSeparated() {
        assertEquals("['', '30', 'a', '514-1234']", PythonRepr.list(List.of("", "30", "a", "514-1234")));
        assertEquals("['Zed', \"it's\"]", PythonRepr.list(List.of("Zed", "it's")));
        assertEquals("[]", PythonRepr.list(List.of()));
    }

    @Test
    void typeNamesAreThoseOfTheDecodedValuesPythonTypes() {
        assertEquals("NoneType", PythonRepr.typeName(null));
        assertEquals("str", PythonRepr.typeName("x"));
        assertEquals("bool", PythonRepr.typeName(true));
        assertEquals("int", PythonRepr.typeName(1L));
        assertEquals("int", PythonRepr.typeName(BigInteger.TEN.pow(30)));
        assertEquals("float", PythonRepr.typeName(1.5));
        assertEquals("bytes", PythonRepr.typeName(new byte[0]));
        assertEquals("dict", PythonRepr.typeName(Map.of()));
        assertEquals("list", PythonRepr.typeName(List.of()));
    }
}
