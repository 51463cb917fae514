package dev.portico.jca.transport;

/**
 * A request's outcome, handed from its worker thread to the selector: the bytes still to write (those of
 * {@code bytes} from {@code from} on) and the reply they render (for the session to take, see
 * {@link dev.portico.jca.codec.ProtocolSession#taken}), or that the connection must be reset because a
 * streamed reply failed after part of it went out, or that the worker already wrote the whole reply and
 * closed the connection ({@code finished}, see {@link ConnectionWriting#finishOnWorker}): the selector then
 * only forgets the connection.
 */
record Completion<Q, R>(Connection<Q, R> connection, byte[] bytes, int from, R reply, boolean reset, boolean finished) {

    static <Q, R> Completion<Q, R> reply(Connection<Q, R> connection, byte[] bytes, R reply) {
        return rest(connection, bytes, 0, reply);
    }

    /** A reply whose first {@code from} bytes its worker already wrote. */
    static <Q, R> Completion<Q, R> rest(Connection<Q, R> connection, byte[] bytes, int from, R reply) {
        return new Completion<>(connection, bytes, from, reply, false, false);
    }

    static <Q, R> Completion<Q, R> reset(Connection<Q, R> connection) {
        return new Completion<>(connection, new byte[0], 0, null, true, false);
    }

    static <Q, R> Completion<Q, R> finished(Connection<Q, R> connection, R reply) {
        return new Completion<>(connection, new byte[0], 0, reply, false, true);
    }
}
