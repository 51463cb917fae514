package dev.portico.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A FeatherBase connection: reads the greeting, then sends commands and reads EOT-terminated replies. */
final class FeatherBaseClient implements AutoCloseable {

    static final String GREETING = "Connection accepted\n";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String greeting;

    FeatherBaseClient() throws IOException {
        this(ItEnvironment.featherBasePort());
    }

    /** A connection to another FeatherBase port (a second server, a load balancer). */
    FeatherBaseClient(int port) throws IOException {
        this(null, port);
    }

    /** A connection from a given loopback address ({@code 127.0.0.2}: another client machine, as a server behind a balancer sees it). */
    FeatherBaseClient(String localAddress, int port) throws IOException {
        socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress(ItEnvironment.HOST, port), 5000);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        greeting = readGreeting(in);
    }

    /** The server's first line, its end included (what a new connection is sent before any command). */
    static String readGreeting(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    String greeting() {
        return greeting;
    }

    /** Sends one command written with readable separators (see {@link #bytes}) and returns its reply, EOT removed. */
    String ask(String command) throws IOException {
        send(command);
        return reply();
    }

    void send(String command) throws IOException {
        out.write(bytes(command));
        out.flush();
    }

    /** The next reply, without its EOT; fails if the server closes first. */
    String reply() throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != 0x04) {
            if (b < 0) {
                throw new IOException("connection closed before EOT; got '" + reply.toString(StandardCharsets.UTF_8) + "'");
            }
            reply.write(b);
        }
        return reply.toString(StandardCharsets.UTF_8);
    }

    /** Whether the server has closed the connection (reads to end of stream). */
    byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    OutputStream output() {
        return out;
    }

    /**
     * A command's bytes from readable text: {@code |} stands for SOH, {@code >} for STX, {@code ~}
     * for ENQ, {@code ,} for TAB, and EOT is appended, so {@code "getcell|shop|items>0,qty"} is
     * {@code getcell\x01shop\x01items\x020\x09qty\x04}.
     */
    static byte[] bytes(String readable) {
        String wire = readable.replace('|', '\u0001').replace('>', '\u0002').replace('~', '\u0005').replace(',', '\t') + "\u0004";
        return wire.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
