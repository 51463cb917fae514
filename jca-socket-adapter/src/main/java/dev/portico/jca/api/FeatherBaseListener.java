package dev.portico.jca.api;

/** Listener for the FeatherBase protocol: one decoded command in, one reply out, many per connection. */
public interface FeatherBaseListener {

    /**
     * Answers one command. Commands of one connection arrive one at a time, in the order sent;
     * the reply is written when this method has returned.
     */
    FeatherBaseReply onCommand(FeatherBaseRequest request);
}
