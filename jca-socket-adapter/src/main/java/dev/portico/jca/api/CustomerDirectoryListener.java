package dev.portico.jca.api;

/** Listener for the customer directory protocol: one decoded request in, one reply out. */
public interface CustomerDirectoryListener {

    /**
     * Answers one request. Called once per connection; the reply is written to the client when
     * this method has returned (and so after any transaction it ran has committed).
     */
    CustomerDirectoryReply onRequest(CustomerDirectoryRequest request);
}
