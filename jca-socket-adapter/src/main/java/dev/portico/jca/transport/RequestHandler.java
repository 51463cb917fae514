package dev.portico.jca.transport;

/** Answers one decoded request; runs on a worker thread, never on the selector thread. */
@FunctionalInterface
public interface RequestHandler<Q, R> {

    /** The reply; throwing makes the transport answer with the session's server error. */
    R handle(Q request) throws Exception;
}
