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
 * @param writeTimeout          how long a client may take nothing of a streamed reply that waits for it before it is cut off
 * @param trustedProxies        peers whose connections may begin with a PROXY protocol header naming the real client
 */
public record ListenerSettings(String name, InetSocketAddress address, int maxConnections, int maxRequestBytes,
                               Duration readTimeout, Duration idleTimeout, int maxConcurrentRequests, Duration firstRequestTimeout,
                               Duration writeTimeout, TrustedProxies trustedProxies) {

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
        if (trustedProxies == null) {
            throw new IllegalArgumentException("trustedProxies must be given (TrustedProxies.NONE for none)");
        }
    }
}
