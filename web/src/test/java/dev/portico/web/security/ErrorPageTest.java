package dev.portico.web.security;

import dev.portico.application.DatabaseFailure;
import dev.portico.web.security.ErrorResponder.ConsoleException;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ErrorPageTest {

    @Test
    void sizesAreWrittenInTheLargestWholeUnit() {
        assertEquals("4 MiB", WebSettings.size(4_194_304));
        assertEquals("512 KiB", WebSettings.size(524_288));
        assertEquals("1,000 bytes", WebSettings.size(1_000));
    }

    @Test
    void theLinkBackLeadsOnlyToAPageOfThisApplicationEscaped() {
        assertEquals("<a id=\"back\" href=\"/portico/customers/index.xhtml\">Back</a> · ", ErrorResponder.back(request("/portico/customers/index.xhtml")));
        assertEquals("<a id=\"back\" href=\"/portico/a&quot;b&lt;c&#39;d&amp;\">Back</a> · ", ErrorResponder.back(request("/portico/a\"b<c'd&")));
        assertEquals("", ErrorResponder.back(request("https://elsewhere.example/")));
        assertEquals("", ErrorResponder.back(request("/other-app/")));
        assertEquals("", ErrorResponder.back(request(null)));
    }

    @Test
    void aPageWhoseStateIsNoLongerKeptSaysSoAndHowToGoOn() {
        ConsoleException expired = ConsoleException.of("jakarta.faces.application.ViewExpiredException", "viewId:/customers.xhtml - expired");
        assertEquals(400, expired.status());
        assertEquals(ConsoleException.EXPIRED, expired.sentence());
        assertNull(expired.databaseFailure());
    }

    @Test
    void aDatabaseFailureIsA503OfItsKindAsAnywhereElse() {
        for (DatabaseFailure.Kind kind : DatabaseFailure.Kind.values()) {
            ConsoleException failed = ConsoleException.of(DatabaseFailure.class.getName(), kind.sentence());
            assertEquals(503, failed.status());
            assertEquals(kind, failed.databaseFailure());
        }
        assertEquals(DatabaseFailure.Kind.UNREACHABLE, ConsoleException.of(DatabaseFailure.Untransacted.class.getName(), null).databaseFailure(),
                "a message that names no kind: unreachable, the one to wait for");
    }

    @Test
    void anythingElseIsAServerErrorWithoutItsMessage() {
        ConsoleException other = ConsoleException.of("java.lang.IllegalStateException", "internal detail, host:3306");
        assertEquals(500, other.status());
        assertEquals("Server error occurred.", other.sentence());
    }

    private static HttpServletRequest request(String back) {
        return (HttpServletRequest) Proxy.newProxyInstance(ErrorPageTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> "/portico";
                    case "getAttribute" -> ErrorResponder.BACK.equals(args[0]) ? back : null;
                    default -> throw new AssertionError("unexpected " + method.getName());
                });
    }
}
