package dev.portico.web.metrics;

import dev.portico.application.ListenerStatus;
import dev.portico.application.SystemStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * The listeners' statistics shared by every listener gauge of one scrape: read from the adapter at
 * most every {@value #REUSE_NANOS} ns, so a scrape of ~100 gauges reads the counters once.
 */
@ApplicationScoped
public class ListenerSnapshots {

    /** One scrape reads every gauge within this time. */
    static final long REUSE_NANOS = 500_000_000L;

    @Inject
    private SystemStatus status;

    private List<ListenerStatus> snapshot = List.of();
    private long snapshotNanos;
    private boolean read;

    /** Every running listener, as read at most half a second ago. */
    public synchronized List<ListenerStatus> current() {
        long now = System.nanoTime();
        if (!read || now - snapshotNanos > REUSE_NANOS) {
            snapshot = status.listeners();
            snapshotNanos = now;
            read = true;
        }
        return snapshot;
    }

    /** The listener of {@code protocol}, if one runs (a protocol has one listener). */
    public Optional<ListenerStatus> of(String protocol) {
        return current().stream().filter(l -> l.protocol().equals(protocol)).findFirst();
    }
}
