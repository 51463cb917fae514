package dev.portico.jca.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/** A socket whose first bytes were already read (after a PROXY header): reading gives those first, then the socket's. */
final class PrefixedChannel implements ByteChannel {

    private final ByteBuffer prefix;
    private final ByteChannel socket;

    /** @param prefix the bytes already read, in read mode */
    PrefixedChannel(ByteBuffer prefix, ByteChannel socket) {
        this.prefix = prefix;
        this.socket = socket;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!prefix.hasRemaining()) {
            return socket.read(dst);
        }
        int n = Math.min(prefix.remaining(), dst.remaining());
        dst.put(prefix.slice(prefix.position(), n));
        prefix.position(prefix.position() + n);
        if (!prefix.hasRemaining() && dst.hasRemaining()) {
            int more = socket.read(dst);
            return more > 0 ? n + more : n;
        }
        return n;
    }

    /** Whether bytes read before are still to be given (the selector cannot see them). */
    boolean holdsBytes() {
        return prefix.hasRemaining();
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return socket.write(src);
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
