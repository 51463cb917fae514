package dev.portico.jca.api;

/**
 * A streamed reply cannot go on: its client closed the connection, or read nothing for the
 * listener's write timeout and was cut off. Not a failure of the application; it should stop
 * producing the reply and return.
 */
public class ReplyAbandonedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplyAbandonedException(String message) {
        super(message);
    }
}
