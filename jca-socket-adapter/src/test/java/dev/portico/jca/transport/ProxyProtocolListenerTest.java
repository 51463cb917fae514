package dev.portico.jca.transport;

import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseReply.Word;
import dev.portico.jca.api.FeatherBaseRequest;
import dev.portico.jca.codec.FeatherBaseSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.portico.jca.transport.LoopbackClient.readExactly;
import static dev.portico.jca.transport.LoopbackClient.readToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A listener behind a load balancer that sends PROXY protocol headers: requests of a trusted proxy's connections
 * carry the client the header names; direct clients and untrusted peers are served as before. FeatherBase's codec
 * over real loopback sockets; the handler answers SUCCESS and keeps each request's client address.
 */
class ProxyProtocolListenerTest {

    private static final String PEER = LoopbackClient.LOOPBACK.getHostAddress();
    private static final String GREETING = "Connection accepted\n";
    private static final String CREATE = "createdb\u0001ok\u0004";
    private static final String ANSWERED = GREETING + "SUCCESS\u0004";

    private final ListenerBench bench = new ListenerBench();
    private final List<String> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeBench() throws InterruptedException {
        bench.close();
    }

    @Test
    void aTrustedProxysVersion1HeaderNamesTheClientAndIsNotPartOfTheProtocol() throws Exception {
        Socket client = bench.connect(listener(PEER, null));
        LoopbackClient.send(client, "PROXY TCP4 203.0.113.7 127.0.0.1 51000 6969\r\n" + CREATE);

        assertEquals(ANSWERED, readExactly(client, ANSWERED.length()));
        assertEquals(List.of("203.0.113.7"), clients);
    }

    @Test
    void aVersion2HeaderArrivingInPiecesNamesAnIpv6Client() throws Exception {
        Socket client = bench.connect(listener(PEER, null));
        byte[] header = version2(1, 0x21, InetAddress.getByName("2001:db8::7").getAddress(), InetAddress.getByName("::1").getAddress());
        client.getOutputStream().write(header, 0, 5);
        client.getOutputStream().flush();
        Thread.sleep(50);
        client.getOutputStream().write(header, 5, 14);
        client.getOutputStream().flush();
        Thread.sleep(50);
        client.getOutputStream().write(header, 19, header.length - 19);
        LoopbackClient.send(client, CREATE);

        assertEquals(ANSWERED, readExactly(client, ANSWERED.length()));
        assertEquals(List.of("2001:db8:0:0:0:0:0:7"), clients, "as the JDK writes a peer's address");
    }

    @Test
    void aBalancersOwnCheckAndADirectClientKeepThePeersAddress() throws Exception {
        SocketListener<FeatherBaseRequest, FeatherBaseReply> listener = listener(PEER, null);
        Socket check = bench.connect(listener);
        check.getOutputStream().write(version2(0, 0x00, new byte[0], new byte[0])); // LOCAL: no client named
        LoopbackClient.send(check, CREATE);
        assertEquals(ANSWERED, readExactly(check, ANSWERED.length()));

        Socket direct = bench.connect(listener);
        LoopbackClient.send(direct, CREATE);
        assertEquals(ANSWERED, readExactly(direct, ANSWERED.length()));

        assertEquals(List.of(PEER, PEER), clients);
    }

    @Test
    void anUntrustedPeersHeaderIsOnlyBytesOfTheProtocol() throws Exception {
        Socket client = bench.connect(listener("10.0.0.1", null));
        LoopbackClient.send(client, "PROXY TCP4 203.0.113.7 127.0.0.1 51000 6969\r\n" + CREATE + CREATE);

        String expected = GREETING + "SYNTAXERROR\u0004SUCCESS\u0004";
        assertEquals(expected, readExactly(client, expected.length()), "the header and the first command made one bad command");
        assertEquals(List.of(PEER), clients);
    }

    @Test
    void aBrokenHeaderClosesTheConnectionUnanswered() throws Exception {
        SocketListener<FeatherBaseRequest, FeatherBaseReply> listener = listener(PEER, null);
        for (String header : List.of("PROXY TCP4 203.0.113.999 127.0.0.1 51000 6969\r\n", "PROXY TCP6 203.0.113.7 127.0.0.1 51000 6969\r\n",
                "PROXY TCP4 203.0.113.7 127.0.0.1 51000\r\n", "PROXY " + "x".repeat(200))) {
            Socket client = bench.connect(listener);
            LoopbackClient.send(client, header + CREATE);
            assertEquals(GREETING, readToEnd(client), header);
        }
        assertTrue(clients.isEmpty(), "no request reached the application: " + clients);
        assertTrue(listener.statistics().lastProblem().description().startsWith("bad PROXY header"), listener.statistics().lastProblem().description());
    }

    @Test
    void onlyTheFirstBytesMayBeAHeaderAndProblemsNameTheClientViaTheProxy() throws Exception {
        SocketListener<FeatherBaseRequest, FeatherBaseReply> listener = listener(PEER, null);
        Socket client = bench.connect(listener);
        String header = "PROXY TCP4 203.0.113.7 127.0.0.1 51000 6969\r\n";
        LoopbackClient.send(client, header + CREATE + header + CREATE);

        String expected = ANSWERED + "SYNTAXERROR\u0004";
        assertEquals(expected, readExactly(client, expected.length()), "a second header is bytes of the protocol");
        String problem = listener.statistics().lastProblem().description();
        assertTrue(problem.startsWith("bad input from 203.0.113.7 via /127.0.0.1:"), problem);
    }

    @Test
    void aFullListenerClosesAnIdleConnectionOfTheClientHoldingMostAsTheHeadersNameThem() throws Exception {
        SocketListener<FeatherBaseRequest, FeatherBaseReply> listener = listener(PEER, null, 3);
        Socket first = proxied(listener, "203.0.113.1");
        Socket second = proxied(listener, "203.0.113.2");
        Socket third = proxied(listener, "203.0.113.2");

        Socket fourth = proxied(listener, "203.0.113.3");

        assertEquals("", readToEnd(second), "the idle connection of the client holding two was closed for the new one");
        for (Socket kept : List.of(first, third)) {
            LoopbackClient.send(kept, CREATE);
            assertEquals("SUCCESS\u0004", readExactly(kept, 8));
        }
        assertEquals(List.of("203.0.113.1", "203.0.113.2", "203.0.113.2", "203.0.113.3", "203.0.113.1", "203.0.113.2"), clients);
        assertTrue(fourth.isConnected());
    }

    @Test
    void aTrustedTlsConnectionThatSendsNothingIsClosedAfterTheReadTimeoutWithoutAByte() throws Exception {
        SocketListener<FeatherBaseRequest, FeatherBaseReply> listener = listener(PEER, TlsTestKeys.settings());
        Socket silent = bench.connect(listener);
        long started = System.nanoTime();

        assertEquals("", readToEnd(silent), "no greeting in the clear before TLS");
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waited >= 1_500 && waited < 4_500, "closed after the 2 s read timeout, not the 30 s first-request timeout: " + waited + " ms");
    }

    /** A connection through the proxy for {@code client}, greeted, its first command answered: idle now. */
    private Socket proxied(SocketListener<?, ?> listener, String client) throws IOException {
        Socket socket = bench.connect(listener);
        LoopbackClient.send(socket, "PROXY TCP4 " + client + " 127.0.0.1 51000 6969\r\n" + CREATE);
        assertEquals(ANSWERED, readExactly(socket, ANSWERED.length()));
        return socket;
    }

    @Test
    void overTlsTheHeaderComesFirstInTheClearAndTheGreetingInsideTls() throws Exception {
        SocketListener<FeatherBaseRequest, FeatherBaseReply> listener = listener(PEER, TlsTestKeys.settings());
        byte[] header = "PROXY TCP6 2001:db8::9 ::1 51000 6969\r\n".getBytes(StandardCharsets.US_ASCII);
        SSLSocket proxied = TlsTestKeys.connect(bench, listener, "TLSv1.3", header);
        LoopbackClient.send(proxied, CREATE);
        assertEquals(ANSWERED, readExactly(proxied, ANSWERED.length()));

        SSLSocket direct = TlsTestKeys.connect(bench, listener, "TLSv1.2");
        LoopbackClient.send(direct, CREATE);
        assertEquals(ANSWERED, readExactly(direct, ANSWERED.length()));

        assertEquals(List.of("2001:db8:0:0:0:0:0:9", PEER), clients);
    }

    private SocketListener<FeatherBaseRequest, FeatherBaseReply> listener(String trusted, TlsSettings tls) throws IOException {
        return listener(trusted, tls, 8);
    }

    private SocketListener<FeatherBaseRequest, FeatherBaseReply> listener(String trusted, TlsSettings tls, int maxConnections) throws IOException {
        ListenerSettings settings = new ListenerSettings("proxied-test", TlsTestKeys.loopback(), maxConnections, 64, Duration.ofSeconds(2),
                Duration.ofSeconds(30), 4, Duration.ofSeconds(30), Duration.ofSeconds(10), TrustedProxies.parse(trusted));
        return bench.started(new SocketListener<>(settings, () -> FeatherBaseSession.codec(64, false), request -> {
            clients.add(String.valueOf(request.clientAddress()));
            return FeatherBaseReply.status(Word.SUCCESS);
        }, bench.executor, tls));
    }

    /** A version 2 header: command 0 LOCAL or 1 PROXY; family 0x21 TCP over IPv6, 0x11 over IPv4, 0x00 unspecified. */
    static byte[] version2(int command, int family, byte[] source, byte[] destination) {
        ByteBuffer addresses = ByteBuffer.allocate(source.length + destination.length + (source.length > 0 ? 4 : 0));
        addresses.put(source).put(destination);
        if (source.length > 0) {
            addresses.putShort((short) 51000).putShort((short) 6969);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        out.write(0x20 | command);
        out.write(family);
        out.write(addresses.capacity() >> 8);
        out.write(addresses.capacity() & 0xFF);
        out.writeBytes(addresses.array());
        return out.toByteArray();
    }
}
