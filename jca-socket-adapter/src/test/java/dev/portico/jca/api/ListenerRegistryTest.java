package dev.portico.jca.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The registry of running listeners that status pages read. */
class ListenerRegistryTest {

    private final Object first = new Object();
    private final Object second = new Object();
    private final Object third = new Object();

    @AfterEach
    void tearDown() {
        List.of(first, second, third).forEach(ListenerRegistry::unregister);
    }

    @Test
    void snapshotListsRegisteredListenersByProtocolThenPort() {
        ListenerRegistry.register(first, () -> statistics("rental-intake", 1234, 0));
        ListenerRegistry.register(second, () -> statistics("featherbase", 6970, 0));
        ListenerRegistry.register(third, () -> statistics("featherbase", 6969, 0));

        assertEquals(List.of("featherbase:6969", "featherbase:6970", "rental-intake:1234"),
                ListenerRegistry.snapshot().stream().map(s -> s.protocol() + ":" + s.port()).toList());
    }

    @Test
    void snapshotReadsCurrentValuesEachTime() {
        AtomicLong requests = new AtomicLong();
        ListenerRegistry.register(first, () -> statistics("customer-directory", 9999, requests.get()));

        requests.set(41);
        assertEquals(41, ListenerRegistry.snapshot().get(0).requests());
        requests.set(42);
        assertEquals(42, ListenerRegistry.snapshot().get(0).requests());
    }

    @Test
    void unregisteredListenerDisappearsAndUnregisteringTwiceIsHarmless() {
        ListenerRegistry.register(first, () -> statistics("customer-directory", 9999, 0));
        ListenerRegistry.register(second, () -> statistics("featherbase", 6969, 0));

        ListenerRegistry.unregister(first);
        ListenerRegistry.unregister(first);

        assertEquals(List.of("featherbase"), ListenerRegistry.snapshot().stream().map(ListenerStatistics::protocol).toList());
    }

    private static ListenerStatistics statistics(String protocol, int port, long requests) {
        return new ListenerStatistics(protocol, "127.0.0.1", port, true, Instant.EPOCH, 0, 0, requests, 0, 0, null);
    }
}
