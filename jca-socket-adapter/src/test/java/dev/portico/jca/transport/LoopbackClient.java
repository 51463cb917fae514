package dev.portico.jca.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Client sockets for the transport tests: short timeouts, so a broken listener fails a test instead of hanging it. */
final class LoopbackClient {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final int TIMEOUT_MILLIS = 5_000;

    private LoopbackClient() {
    }

    /** A connection to the listener, added to {@code opened} so the test can close it. */
    static Socket connect(SocketListener<?, ?> listener, List<Socket> opened) throws IOException {
        Socket client = new Socket();
        opened.add(client);
        client.setSoTimeout(TIMEOUT_MILLIS);
        client.setTcpNoDelay(true);
        client.connect(new InetSocketAddress(LOOPBACK, listener.port()), TIMEOUT_MILLIS);
        return client;
    }

    /** Exactly {@code length} bytes as text; fails if the server closes first. */
    static String readExactly(Socket client, int length) throws IOException {
        byte[] bytes = client.getInputStream().readNBytes(length);
        assertEquals(length, bytes.length, () -> "the server closed early after " + text(bytes));
        return text(bytes);
    }

    /** Everything the server sends until it closes; a server that never closes fails the test by the socket timeout. */
    static String readToEnd(Socket client) throws IOException {
        return text(client.getInputStream().readAllBytes());
    }

    /** Sends the text as UTF-8. */
    static void send(Socket client, String text) throws IOException {
        send(client, text.getBytes(StandardCharsets.UTF_8));
    }

    static void send(Socket client, byte[] bytes) throws IOException {
        client.getOutputStream().write(bytes);
        client.getOutputStream().flush();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
