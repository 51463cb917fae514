package dev.portico.jca.transport;

/**
 * Which connection a full listener closes to make room for a new client, rather than leave that
 * client waiting in the accept backlog: the oldest connection that has not sent anything yet, else
 * the connection idle the longest between requests. A connection with a request in progress (partly
 * received, with the application, or with a reply still being written) is never chosen.
 */
final class ConnectionEviction {

    private ConnectionEviction() {
    }

    /** The connection to close, from connections in the order they were accepted; null when none may be closed. */
    static <Q, R> Connection<Q, R> victim(Iterable<Connection<Q, R>> oldestFirst) {
        Connection<Q, R> idlest = null;
        for (Connection<Q, R> c : oldestFirst) {
            if (!idle(c)) {
                continue;
            }
            if (!c.requestSeen) {
                return c;
            }
            if (idlest == null || c.lastActivityNanos - idlest.lastActivityNanos < 0) {
                idlest = c;
            }
        }
        return idlest;
    }

    private static boolean idle(Connection<?, ?> c) {
        return c.open && !c.busy && c.pending == null && !c.closing && !c.requestTaken
                && c.output.isEmpty() && c.input.position() == 0;
    }
}
