package dev.portico.jca.api;

/** Listener for the customer directory protocol: one decoded request in, one reply out. */
public interface CustomerDirectoryListener {

    /**
     * Answers one request. Called once per connection; the reply is written to the client when
     * this method has returned (and so after any transaction it ran has committed). The report is
     * the exception: its customers are written while this method sends them through the request's
     * {@link ReplyStream} (see there for what a slow or vanished client and a failure mean), and
     * the returned {@link CustomerDirectoryReply.ReportComplete} ends it.
     */
    CustomerDirectoryReply onRequest(CustomerDirectoryRequest request);
}
