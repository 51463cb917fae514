package dev.portico.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathEncodingCheckTest {

    @Test
    void escapesThatSpellUtf8PassAndOthersDoNot() {
        assertTrue(PathEncodingCheck.wellEncoded("/portico/api/customers/Ann"));
        assertTrue(PathEncodingCheck.wellEncoded("/portico/api/customers/Jos%C3%A9%20Mar%c3%ada"), "é and í, either case of hex");
        assertTrue(PathEncodingCheck.wellEncoded("/portico/api/featherbase/databases/%F0%9F%98%80"), "four bytes");
        assertTrue(PathEncodingCheck.wellEncoded(null));
        assertFalse(PathEncodingCheck.wellEncoded("/portico/api/customers/%FF"));
        assertFalse(PathEncodingCheck.wellEncoded("/portico/api/customers/%C3%28"), "a lead byte without its continuation");
        assertFalse(PathEncodingCheck.wellEncoded("/portico/api/customers/%ED%A0%80"), "a UTF-16 surrogate is not UTF-8");
        assertFalse(PathEncodingCheck.wellEncoded("/portico/api/customers/%C3"), "cut short");
        assertFalse(PathEncodingCheck.wellEncoded("/portico/api/customers/%G1"));
        assertFalse(PathEncodingCheck.wellEncoded("/portico/api/customers/%4"));
        assertFalse(PathEncodingCheck.wellEncoded("/portico/api/customers/%"));
        assertFalse(PathEncodingCheck.wellEncoded("/portico/api/customers/%\uFF11\uFF11"), "fullwidth digits are no hex digits");
        assertTrue(PathEncodingCheck.wellEncoded("name=Jos%C3%A9+Mar&limit=10"), "a query");
        assertFalse(PathEncodingCheck.wellEncoded("name=%FF"));
    }
}
