package dev.portico.jca.codec;

/**
 * Where a codec writes the bytes of a reply streamed in parts (see
 * {@link dev.portico.jca.api.ReplyStream}): the transport's bounded output of one connection.
 */
@FunctionalInterface
public interface ReplyOutput {

    /** An output for codecs not attached to a connection: streamed replies fail at their first part. */
    ReplyOutput NONE = bytes -> {
        throw new IllegalStateException("this codec is not attached to a connection");
    };

    /**
     * Queues the bytes behind those written before; blocks while the connection holds its bound of
     * unsent bytes. Called only by the thread answering the connection's current request.
     *
     * @throws dev.portico.jca.api.ReplyAbandonedException when the connection is gone
     */
    void write(byte[] bytes);
}
