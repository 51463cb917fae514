package dev.portico.jca.transport;

import java.util.HashMap;
import java.util.Map;

/**
 * Which connection a full listener closes to make room for a new client, rather than leave that
 * client waiting in the accept backlog: the oldest connection that has not sent anything yet; else,
 * among connections idle between requests, one from the client address holding the most
 * connections (so a client that opens many cannot push out the idle connections of others), the
 * one idle longest. A connection with a request in progress (partly received, with the application,
 * or with a reply still being written) is never chosen. One instance per listener, used by its
 * selector thread only.
 */
final class ConnectionEviction {

    private final Map<String, Integer> openPerAddress = new HashMap<>();

    void opened(Connection<?, ?> c) {
        openPerAddress.merge(c.clientAddress, 1, Integer::sum);
    }

    void closed(Connection<?, ?> c) {
        openPerAddress.computeIfPresent(c.clientAddress, (address, open) -> open == 1 ? null : open - 1);
    }

    /** The connection to close, from connections in the order they were accepted; null when none may be closed. */
    <Q, R> Connection<Q, R> victim(Iterable<Connection<Q, R>> oldestFirst) {
        Connection<Q, R> chosen = null;
        int chosenCount = 0;
        for (Connection<Q, R> c : oldestFirst) {
            if (!idle(c)) {
                continue;
            }
            if (!c.requestSeen) {
                return c;
            }
            int count = openPerAddress.getOrDefault(c.clientAddress, 0);
            if (chosen == null || count > chosenCount || count == chosenCount && c.lastActivityNanos - chosen.lastActivityNanos < 0) {
                chosen = c;
                chosenCount = count;
            }
        }
        return chosen;
    }

    private static boolean idle(Connection<?, ?> c) {
        return c.open && !c.busy && c.pending == null && !c.closing && !c.requestTaken
                && c.output.isEmpty() && c.input.position() == 0;
    }
}
