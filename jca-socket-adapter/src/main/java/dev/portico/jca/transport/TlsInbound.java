package dev.portico.jca.transport;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * The receiving half of a connection's TLS ({@link TlsChannel}): bytes read from the socket until they form
 * a record, that record unwrapped, its plaintext kept until the reader takes it. Each buffer holds at most
 * one record (the engine's packet and application sizes) and exists only while it holds bytes. Not thread-safe.
 */
final class TlsInbound {

    private final SSLEngine engine;

    /** Received TLS bytes not yet decrypted, in write mode; null when empty. */
    private ByteBuffer netIn;
    /** Decrypted bytes not yet taken, in write mode; null when empty. */
    private ByteBuffer appIn;
    /** What {@link #netIn} holds is not a whole record: wait for the socket. */
    private boolean starved;
    /** The client sends no more: close_notify was received, or its socket reached end of stream. */
    private boolean done;

    TlsInbound(SSLEngine engine) {
        this.engine = engine;
    }

    /** Whether the client sends no more. */
    boolean done() {
        return done;
    }

    /**
     * Unwraps one record from what was received, if a whole one may be there; true when the engine moved,
     * false when only more bytes from the client can help. {@code status} is the handshake status before.
     */
    boolean unwrap(HandshakeStatus status) throws SSLException {
        if (netIn == null || netIn.position() == 0 || starved) {
            return false;
        }
        if (appIn == null) {
            appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        }
        netIn.flip();
        SSLEngineResult result;
        try {
            result = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
        }
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                growNetIn();
                starved = true;
                return false;
            }
            case BUFFER_OVERFLOW -> {
                if (appIn.position() > 0) {
                    return true; // the caller takes what is decrypted first, or stops when it has no room
                }
                appIn = TlsChannel.grown(appIn, engine.getSession().getApplicationBufferSize(), "decrypted record");
                return true;
            }
            case CLOSED -> {
                done = true; // close_notify: the client sends no more; the reply may still go out
                return true;
            }
            default -> {
                if (result.bytesConsumed() == 0 && result.bytesProduced() == 0 && engine.getHandshakeStatus() == status) {
                    starved = true; // nothing moved: only more bytes from the client can help
                    return false;
                }
                return true;
            }
        }
    }

    /** Moves decrypted bytes into {@code dst}; how many. */
    int take(ByteBuffer dst) {
        if (appIn == null || appIn.position() == 0) {
            return 0;
        }
        appIn.flip();
        int n = Math.min(appIn.remaining(), dst.remaining());
        ByteBuffer slice = appIn.slice(appIn.position(), n);
        dst.put(slice);
        appIn.position(appIn.position() + n);
        appIn.compact();
        if (appIn.position() == 0) {
            appIn = null;
        }
        return n;
    }

    /** Reads what the socket has into {@link #netIn}; how many bytes, -1 at end of stream. */
    int fill(ByteChannel socket) throws IOException {
        if (netIn == null) {
            netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        }
        if (!netIn.hasRemaining()) {
            growNetIn();
        }
        int n = socket.read(netIn);
        if (n > 0) {
            starved = false;
        }
        return n;
    }

    /** The client closed its socket without close_notify: what was decrypted before still counts, nothing more comes. */
    void endOfStream() {
        done = true;
        try {
            engine.closeInbound();
        } catch (SSLException ignored) {
            // a truncated session; the engine says so, and the caller already knows
        }
    }

    /** Drops the buffers that hold nothing, so that an idle connection keeps none. */
    void releaseEmpty() {
        if (netIn != null && netIn.position() == 0) {
            netIn = null;
        }
        if (appIn != null && appIn.position() == 0) {
            appIn = null;
        }
    }

    /** Whether bytes wait here that a read can use without the socket: plaintext, or received bytes not known to be short of a record. */
    boolean hasBuffered() {
        return (appIn != null && appIn.position() > 0) || (netIn != null && netIn.position() > 0 && !starved);
    }

    /** Bytes of buffer held now. */
    int heldBytes() {
        return (netIn == null ? 0 : netIn.capacity()) + (appIn == null ? 0 : appIn.capacity());
    }

    private void growNetIn() throws SSLException {
        if (netIn != null && !netIn.hasRemaining()) {
            netIn = TlsChannel.grown(netIn, engine.getSession().getPacketBufferSize(), "TLS record");
        }
    }
}
