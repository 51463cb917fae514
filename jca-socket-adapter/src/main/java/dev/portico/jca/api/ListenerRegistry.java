package dev.portico.jca.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The socket listeners running now, for status pages: the resource adapter registers each listener
 * when its endpoint is activated and removes it when it is deactivated or the adapter stops;
 * applications only read {@link #snapshot()}.
 */
public final class ListenerRegistry {

    private static final Map<Object, Supplier<ListenerStatistics>> LISTENERS = new ConcurrentHashMap<>();

    private ListenerRegistry() {
    }

    /** Every running listener's statistics now, ordered by protocol and port. */
    public static List<ListenerStatistics> snapshot() {
        return LISTENERS.values().stream().map(Supplier::get)
                .sorted(Comparator.comparing(ListenerStatistics::protocol).thenComparingInt(ListenerStatistics::port))
                .toList();
    }

    /** For the resource adapter: makes a running listener's statistics visible under the key {@code owner}. */
    public static void register(Object owner, Supplier<ListenerStatistics> statistics) {
        LISTENERS.put(owner, statistics);
    }

    /** For the resource adapter: forgets the listener registered under {@code owner}; nothing happens if there is none. */
    public static void unregister(Object owner) {
        LISTENERS.remove(owner);
    }
}
