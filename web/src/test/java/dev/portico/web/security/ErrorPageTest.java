package dev.portico.web.security;

import dev.portico.application.DatabaseFailure;
import dev.portico.web.rest.ErrorResponses;
import dev.portico.web.security.ErrorResponder.ConsoleException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.primefaces.csp.CspException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("<a id=\"back\" href=\"/customers/index.xhtml\">Back</a> · ", ErrorResponder.back(request("", "/customers/index.xhtml")));
        assertEquals("", ErrorResponder.back(request("", "//elsewhere.example/")), "another host, were the application at the root");
        assertEquals("", ErrorResponder.back(request("", "/\\elsewhere.example/")));
    }

    @Test
    void aPageWhoseStateIsNoLongerKeptSaysSoAndHowToGoOn() {
        ConsoleException expired = ConsoleException.of(new ViewExpiredException("viewId:/customers/index.xhtml - expired", "/customers/index.xhtml"));
        assertEquals(400, expired.status());
        assertEquals(ConsoleException.EXPIRED, expired.sentence());
        assertNull(expired.databaseFailure());
    }

    @Test
    void aDatabaseFailureIsA503OfItsKindAsAnywhereElseThoughTheContainerCommitThrewIt() {
        SQLException refused = new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1:3306", "08000", new ConnectException("refused"));
        DatabaseFailure thrown = DatabaseFailure.of(refused, true);
        ConsoleException failed = ConsoleException.of(thrown);
        assertEquals(503, failed.status());
        assertSame(thrown, failed.databaseFailure());
        assertEquals(ErrorResponses.failed(DatabaseFailure.Kind.UNREACHABLE), failed.sentence());

        SQLException deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
        ConsoleException atCommit = ConsoleException.of(new EJBException(new RuntimeException("commit failed", deadlock)));
        assertEquals(503, atCommit.status(), "a commit the container failed reaches PrimeFaces as an EJBException");
        assertEquals(DatabaseFailure.Kind.CONFLICT, atCommit.databaseFailure().kind());
    }

    @Test
    void aRequestWithoutThePagesNonceIsTheClientsAndAnythingElseAServerErrorWithoutItsMessage() {
        assertEquals(400, ConsoleException.of(new CspException("forged")).status());
        ConsoleException other = ConsoleException.of(new IllegalStateException("internal detail, host:3306"));
        assertEquals(500, other.status());
        assertEquals("Server error occurred.", other.sentence());
        assertEquals(500, ConsoleException.of(null).status(), "a summary without its exception");
        assertEquals(500, ConsoleException.of(new IllegalStateException(new SQLNonTransientConnectionException("lost", "08000"))).status(),
                "a broken connection outside a bean is not taken for the database's (a client's upload breaks too)");
    }

    @Test
    void anErrorAfterTheRequestTookTheByteStreamIsStillAProblemDocumentWrittenThere() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                written.write(b);
            }
        };
        int[] status = new int[1];
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(ErrorPageTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status[0] = (Integer) args[0];
                        yield null;
                    }
                    case "setCharacterEncoding", "setContentType" -> null;
                    case "getWriter" -> throw new IllegalStateException("SRVE0199E: OutputStream already obtained");
                    case "getOutputStream" -> stream;
                    default -> throw new AssertionError("unexpected " + method.getName());
                });
        ErrorResponder.write(request(null), response, 500, null, "Server error occurred.", "/portico/api/customers");
        assertEquals(500, status[0]);
        assertTrue(written.toString(StandardCharsets.UTF_8).contains("\"status\":500"), written.toString(StandardCharsets.UTF_8));
    }

    private static HttpServletRequest request(String back) {
        return request("/portico", back);
    }

    private static HttpServletRequest request(String contextPath, String back) {
        return (HttpServletRequest) Proxy.newProxyInstance(ErrorPageTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    case "getAttribute" -> ErrorResponder.BACK.equals(args[0]) ? back : null;
                    default -> throw new AssertionError("unexpected " + method.getName());
                });
    }
}
