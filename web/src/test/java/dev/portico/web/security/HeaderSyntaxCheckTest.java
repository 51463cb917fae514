package dev.portico.web.security;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderSyntaxCheckTest {

    @Test
    void languagesWithNumericQValuesOrNonePass() {
        for (String header : List.of("en", "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5", "de;q=1", "en;Q=.5", "en; q = 0.3 ", ",,", "en;level=1")) {
            assertTrue(HeaderSyntaxCheck.every(Collections.enumeration(List.of(header)), HeaderSyntaxCheck::languageRange), header);
        }
    }

    @Test
    void aQValueThatIsNoNumberFailsWhereverItIs() {
        for (String header : List.of("en;q=abc", ";;;q=x", "*;q=", "en, fr;q", "en;q=0.5, de;q=zero")) {
            assertFalse(HeaderSyntaxCheck.every(Collections.enumeration(List.of(header)), HeaderSyntaxCheck::languageRange), header);
        }
        assertFalse(HeaderSyntaxCheck.every(Collections.enumeration(List.of("en", "de;q=x")), HeaderSyntaxCheck::languageRange),
                "the second of two header lines");
    }

    @Test
    void noHeaderPasses() {
        assertTrue(HeaderSyntaxCheck.every(null, element -> false));
        assertTrue(HeaderSyntaxCheck.every(Collections.emptyEnumeration(), element -> false));
    }
}
