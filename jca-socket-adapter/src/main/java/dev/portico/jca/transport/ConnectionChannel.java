package dev.portico.jca.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * How a connection's bytes cross its socket: as they are ({@link #plain}), or through TLS ({@link TlsChannel}).
 * Used only by the connection's selector thread; never blocks.
 */
interface ConnectionChannel {

    /** Application bytes into {@code dst}: how many, 0 when none are available now, -1 at the end of the client's stream. */
    int read(ByteBuffer dst) throws IOException;

    /** Takes what it can of {@code src} now; how many application bytes it took. */
    int write(ByteBuffer src) throws IOException;

    /** Writes what this channel itself holds (TLS records, handshake messages); true when nothing of it waits. */
    boolean flush() throws IOException;

    /** Whether bytes that could be read wait in this channel, where the selector cannot see them. */
    boolean hasBufferedInput();

    /** The selector interest to register, given what the connection wants ({@code wanted}). */
    int interest(int wanted);

    /** Tells the client, if it can be done at once, that nothing more will come (TLS close_notify); never fails. */
    void closeOutbound();

    /** The socket itself, unchanged: what legacy clients speak. */
    static ConnectionChannel plain(SocketChannel channel) {
        return new ConnectionChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                return channel.read(dst);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return channel.write(src);
            }

            @Override
            public boolean flush() {
                return true;
            }

            @Override
            public boolean hasBufferedInput() {
                return false;
            }

            @Override
            public int interest(int wanted) {
                return wanted;
            }

            @Override
            public void closeOutbound() {
                // nothing to say on a plain socket
            }
        };
    }
}
