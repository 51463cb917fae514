package dev.portico.jca.codec;

import java.nio.ByteBuffer;

/**
 * One connection's codec: cuts frames out of the bytes received so far, turns them into typed
 * requests, and turns typed replies into bytes. Instances hold per-connection state and are used
 * by one thread at a time.
 *
 * @param <Q> the request type handed to the application
 * @param <R> the reply type the application answers with
 */
public interface FrameCodec<Q, R> {

    /** Told once, before anything is decoded, the IP address the connection comes from; codecs whose requests carry it keep it. */
    default void clientAddress(String address) {
    }

    /** Bytes sent as soon as a client connects; empty for none. */
    byte[] greeting();

    /**
     * Looks for one complete frame at the buffer's position. When a frame is found, its bytes are
     * consumed (the position moves past it); otherwise at most bytes that carry no request (such as
     * line ends between commands) are consumed. Once more
     * than the request size limit is buffered without a complete frame, the answer is never
     * {@link Decoded.NeedMore}.
     */
    Decoded<Q> decode(ByteBuffer received);

    /** The bytes of a reply (for a streamed reply: its last bytes, after the parts already written). */
    byte[] encode(R reply);

    /**
     * Gives the codec its connection's output for replies streamed in parts; called once, before
     * the first {@link #decode}. Codecs without streamed replies ignore it.
     */
    default void streamTo(ReplyOutput output) {
    }

    /** The reply for an unexpected failure while answering. */
    R serverError();

    /**
     * Whether the connection closes once the reply encoded last is sent, for a reason of the
     * connection's own (such as too many failed logins); nothing more is read from it.
     */
    default boolean closeAfterReply() {
        return false;
    }

    /** Whether the connection closes after its first reply (otherwise it stays open for more). */
    boolean oneRequestPerConnection();

    /** The bytes to send when a request did not complete within the read timeout; empty for none. */
    byte[] timedOut();

    /** The bytes to send when the client half-closed in the middle of a request; empty for none. */
    byte[] incomplete();
}
