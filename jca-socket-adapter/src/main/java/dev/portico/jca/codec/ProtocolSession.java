package dev.portico.jca.codec;

/**
 * One connection's protocol, above its framing: turns complete frames into typed requests, typed
 * replies into bytes, and owns the bytes the protocol sends on its own (greeting, time-out,
 * incomplete request) and the connection's state (such as a login). Used by the listener's thread,
 * except {@link #render}, which the worker thread answering the request calls.
 *
 * @param <Q> the request type handed to the application
 * @param <R> the reply type the application answers with
 */
public interface ProtocolSession<Q, R> {

    /**
     * Told before the first frame the IP address the connection comes from, and once more if a trusted load balancer's
     * PROXY header names the client it carries; sessions whose requests carry it keep the last.
     */
    default void clientAddress(String address) {
    }

    /** Gives the session its connection's output for replies streamed in parts; called once, before the first frame. */
    default void streamTo(ReplyOutput output) {
    }

    /** Bytes sent as soon as a client connects; empty for none. */
    byte[] greeting();

    /** A complete frame as a request for the application, or as an answer the session gives itself (never need-more). */
    Decoded<Q> parse(byte[] frame);

    /** The answer to bytes the framer refused; the connection closes after it. */
    byte[] refused(FrameException problem);

    /** The bytes of a reply (for a streamed reply: its last bytes, after the parts already written); on the worker thread. */
    byte[] render(R reply);

    /**
     * Told on the listener's thread that {@code reply} was taken for the client, before the next frame
     * is parsed: where a session's state follows replies (a login), it changes here.
     */
    default void taken(R reply) {
    }

    /** The reply for an unexpected failure while answering. */
    R serverError();

    /**
     * Whether the connection closes once the reply taken last is sent, for a reason of the session's
     * own (such as too many failed logins); nothing more is read from it.
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
