package dev.portico.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One FeatherBase client connection: send a command, wait for its EOT-terminated reply. */
final class FeatherBaseConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream reply = new ByteArrayOutputStream();

    FeatherBaseConnection(String host, int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("closed before the greeting");
            }
        }
    }

    /** Sends {@code operation \x01 arguments \x04} and returns the reply without EOT. */
    String ask(String operation, String arguments) throws IOException {
        out.write((operation + '\u0001' + arguments + '\u0004').getBytes(StandardCharsets.UTF_8));
        out.flush();
        reply.reset();
        int b;
        while ((b = in.read()) != 0x04) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            reply.write(b);
        }
        return reply.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
