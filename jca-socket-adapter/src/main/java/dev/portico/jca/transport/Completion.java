package dev.portico.jca.transport;

/**
 * A request's outcome, handed from its worker thread to the selector: the bytes still to write and
 * the reply they render (for the session to take, see {@link dev.portico.jca.codec.ProtocolSession#taken}),
 * or that the connection must be reset because a streamed reply failed after part of it went out.
 */
record Completion<Q, R>(Connection<Q, R> connection, byte[] bytes, R reply, boolean reset) {

    static <Q, R> Completion<Q, R> reply(Connection<Q, R> connection, byte[] bytes, R reply) {
        return new Completion<>(connection, bytes, reply, false);
    }

    static <Q, R> Completion<Q, R> reset(Connection<Q, R> connection) {
        return new Completion<>(connection, new byte[0], null, true);
    }
}
