package dev.portico.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** A customer directory client as the legacy menu client behaves: connect, send one line, read until the server closes. */
final class CustomerDirectoryClient {

    private CustomerDirectoryClient() {
    }

    /** Sends the request text and returns the whole reply as text. */
    static String ask(String request) {
        return new String(exchange(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** Sends raw bytes and returns every byte the server sent before closing. */
    static byte[] exchange(byte[] request) {
        return exchange(ItEnvironment.customerPort(), request);
    }

    /** Sends the request text to another customer directory port (a second server, a load balancer). */
    static String ask(int port, String request) {
        return new String(exchange(port, request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    static byte[] exchange(int port, byte[] request) {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return readToEnd(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("exchange of " + HexFormat.of().formatHex(request) + " failed", e);
        }
    }

    static Socket connect() throws IOException {
        return connect(ItEnvironment.customerPort());
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(ItEnvironment.HOST, port), 5000);
        socket.setSoTimeout(15_000);
        return socket;
    }

    static byte[] readToEnd(Socket socket) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        in.transferTo(reply);
        return reply.toByteArray();
    }
}
