package dev.portico.jca.transport;

import java.util.ArrayList;
import java.util.List;

/** Answers one decoded request; runs on a worker thread, never on the selector thread. */
@FunctionalInterface
public interface RequestHandler<Q, R> {

    /** The reply; throwing makes the transport answer with the session's server error. */
    R handle(Q request) throws Exception;

    /**
     * Whether {@code request} may be answered together with others of its kind that arrived at the
     * same time on other connections, in one call of {@link #handleAll}; such requests must not
     * stream their replies. Asked on the selector thread: must be cheap and must not block.
     */
    default boolean gathers(Q request) {
        return false;
    }

    /**
     * The replies to several gathered requests (see {@link #gathers}), in their order. Throwing makes
     * the transport answer each of them again on its own, through {@link #handle}.
     */
    default List<R> handleAll(List<Q> requests) throws Exception {
        List<R> replies = new ArrayList<>(requests.size());
        for (Q request : requests) {
            replies.add(handle(request));
        }
        return replies;
    }
}
