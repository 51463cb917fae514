package dev.portico.jca.api;

/**
 * The parts of a reply that an application sends while it produces them (for a large reply, such as
 * the customer report, read from a database cursor). Each part is rendered and handed to the
 * connection at once; {@link #send} blocks while the connection already holds its bound of bytes
 * not yet taken by the client, so a slow client slows only its own reply and the listener's memory
 * per connection stays bounded.
 *
 * <p>Use it only on the thread that the listener method runs on, and only until that method returns.
 * What the method then returns ends the reply (it may add final bytes). When the method throws after
 * parts went out, the connection is reset (not closed normally), so the client sees an error and not
 * a short reply; when it throws before, the client gets the protocol's generic error as usual.
 *
 * @param <T> the type of one part
 */
public interface ReplyStream<T> {

    /**
     * Sends one part.
     *
     * @throws ReplyAbandonedException when the client is gone, or took nothing for the listener's write
     *                                 timeout; the application should stop producing and return
     */
    void send(T part);
}
