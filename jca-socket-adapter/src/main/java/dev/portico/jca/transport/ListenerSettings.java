package dev.portico.jca.transport;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Where a listener binds and the bounds it enforces.
 *
 * @param name                  the protocol's name, for log messages
 * @param address               bind address and port
 * @param maxConnections        open connections at most; a further client replaces an idle connection, or waits in the
 *                              accept backlog while none is idle
 * @param maxRequestBytes       the largest request accepted
 * @param readTimeout           how long a started request (or, for one-request protocols, a new connection) may take to complete
 * @param idleTimeout           how long a persistent connection may stay silent between requests
 * @param maxConcurrentRequests requests handed to the application at once; the rest wait, unread
 * @param firstRequestTimeout   how long a new persistent connection may stay silent before its first request
 * @param writeTimeout          how long a client may take nothing of a reply (queued or streamed) that waits for it before it is cut off
 * @param trustedProxies        peers whose connections may begin with a PROXY protocol header naming the real client
 * @param maxBufferedBytes      what requests still arriving may hold together, beyond each connection's small buffer
 *                              ({@link InputBudget}), and apart from them replies not yet read (past it, those of
 *                              clients that take nothing are cut off); at least two of the largest requests
 */
public record ListenerSettings(String name, InetSocketAddress address, int maxConnections, int maxRequestBytes,
                               Duration readTimeout, Duration idleTimeout, int maxConcurrentRequests, Duration firstRequestTimeout,
                               Duration writeTimeout, TrustedProxies trustedProxies, long maxBufferedBytes) {

    /** Settings whose requests still arriving may hold a sixteenth of the heap ({@link #defaultMaxBufferedBytes}). */
    public ListenerSettings(String name, InetSocketAddress address, int maxConnections, int maxRequestBytes,
                            Duration readTimeout, Duration idleTimeout, int maxConcurrentRequests, Duration firstRequestTimeout,
                            Duration writeTimeout, TrustedProxies trustedProxies) {
        this(name, address, maxConnections, maxRequestBytes, readTimeout, idleTimeout, maxConcurrentRequests, firstRequestTimeout,
                writeTimeout, trustedProxies, defaultMaxBufferedBytes(maxRequestBytes));
    }

    /** Settings that trust no proxy. */
    public ListenerSettings(String name, InetSocketAddress address, int maxConnections, int maxRequestBytes,
                            Duration readTimeout, Duration idleTimeout, int maxConcurrentRequests, Duration firstRequestTimeout,
                            Duration writeTimeout) {
        this(name, address, maxConnections, maxRequestBytes, readTimeout, idleTimeout, maxConcurrentRequests, firstRequestTimeout,
                writeTimeout, TrustedProxies.NONE);
    }

    /** Settings whose first request may wait as long as any idle time, and whose write timeout is the read timeout. */
    public ListenerSettings(String name, InetSocketAddress address, int maxConnections, int maxRequestBytes,
                            Duration readTimeout, Duration idleTimeout, int maxConcurrentRequests) {
        this(name, address, maxConnections, maxRequestBytes, readTimeout, idleTimeout, maxConcurrentRequests, idleTimeout, readTimeout,
                TrustedProxies.NONE);
    }

    public ListenerSettings {
        if (maxConnections < 1 || maxRequestBytes < 1 || maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxConnections + ", " + maxRequestBytes + ", " + maxConcurrentRequests);
        }
        if (readTimeout.isNegative() || readTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()
                || firstRequestTimeout.isNegative() || firstRequestTimeout.isZero() || writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + readTimeout + ", " + idleTimeout + ", " + firstRequestTimeout
                    + ", " + writeTimeout);
        }
        if (maxBufferedBytes < smallestMaxBufferedBytes(maxRequestBytes)) {
            throw new IllegalArgumentException("maxBufferedBytes must hold two of the largest requests (" + smallestMaxBufferedBytes(maxRequestBytes)
                    + " bytes), got " + maxBufferedBytes);
        }
        if (trustedProxies == null) {
            throw new IllegalArgumentException("trustedProxies must be given (TrustedProxies.NONE for none)");
        }
    }

    /** A sixteenth of the heap (12 MiB of the server's 192), and at least two of the largest requests. */
    public static long defaultMaxBufferedBytes(int maxRequestBytes) {
        return Math.max(smallestMaxBufferedBytes(maxRequestBytes), Runtime.getRuntime().maxMemory() / 16);
    }

    /** Room for two of the largest requests, or of the largest PROXY headers a trusted proxy may send first. */
    public static long smallestMaxBufferedBytes(int maxRequestBytes) {
        return 2L * (Math.max(maxRequestBytes, 16 + ProxyHeader.V2_MAX_PAYLOAD) + 1);
    }
}
