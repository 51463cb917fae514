package dev.portico.web.console;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Console form fields follow the socket's syntax: trimmed as Python trims, no separator, one 512-byte line. */
class CustomerFieldsTest {

    @Test
    void stripRemovesWhatPythonCountsAsWhitespaceIncludingNoBreakSpaces() {
        assertEquals("John Smith", CustomerFields.strip("\u00a0 John Smith\t\u0085"));
        assertEquals("", CustomerFields.strip(null));
    }

    @Test
    void aFieldWithTheSeparatorOrALineBreakCouldNotBeSentOverTheSocket() {
        assertTrue(CustomerFields.fitsTheProtocol("12 Main St, Apt 3"));
        assertFalse(CustomerFields.fitsTheProtocol("a|b"));
        assertFalse(CustomerFields.fitsTheProtocol("a\nb"));
        assertFalse(CustomerFields.fitsTheProtocol("a\rb"));
    }

    @Test
    void aRequestLineMayHoldAtMost512Bytes() {
        assertTrue(CustomerFields.fitsOneLine("5", "Jo", "x".repeat(507)));
        assertFalse(CustomerFields.fitsOneLine("5", "Jo", "x".repeat(508)));
        assertFalse(CustomerFields.fitsOneLine("5", "Jo", "é".repeat(254)), "bytes, not characters");
    }

    @Test
    void theLineLimitIsTheListenersDefaultAsPorticoXmlStatesIt() throws Exception {
        String porticoXml = Files.readString(Path.of("..", "liberty-config", "portico.xml"));
        Matcher declared = Pattern.compile("<variable name=\"portico\\.customer\\.maxRequestBytes\" defaultValue=\"([0-9]+)\"/>").matcher(porticoXml);
        assertTrue(declared.find(), "portico.xml declares portico.customer.maxRequestBytes");
        assertEquals(Integer.parseInt(declared.group(1)), CustomerFields.MAX_LINE_BYTES);
    }
}
