package dev.portico.jca.spi;

import dev.portico.jca.api.ListenerRegistry;
import dev.portico.jca.api.ListenerStatistics;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resource adapter keeps the listener registry in step with endpoint activations. */
class SocketResourceAdapterTest {

    static {
        Logger.getLogger("dev.portico.jca").setLevel(Level.WARNING);
    }

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final SocketResourceAdapter adapter = new SocketResourceAdapter();

    @AfterEach
    void tearDown() throws InterruptedException {
        adapter.stop();
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void activatedListenersAreRegisteredAndDeactivationOrStopRemovesThem() throws Exception {
        adapter.start(bootstrapContext());
        MessageEndpointFactory customers = endpointFactory("CustomerDirectoryMdb");
        MessageEndpointFactory featherBase = endpointFactory("FeatherBaseMdb");
        SocketActivationSpec customerSpec = spec("customer-directory");
        SocketActivationSpec featherBaseSpec = spec("featherbase");

        adapter.endpointActivation(customers, customerSpec);
        adapter.endpointActivation(featherBase, featherBaseSpec);

        List<ListenerStatistics> running = ListenerRegistry.snapshot();
        assertEquals(List.of("customer-directory", "featherbase"), running.stream().map(ListenerStatistics::protocol).toList());
        assertTrue(running.stream().allMatch(s -> s.listening() && s.port() > 0 && "127.0.0.1".equals(s.bindAddress())), running::toString);

        adapter.endpointDeactivation(customers, customerSpec);
        assertEquals(List.of("featherbase"), ListenerRegistry.snapshot().stream().map(ListenerStatistics::protocol).toList());

        adapter.stop();
        assertEquals(List.of(), ListenerRegistry.snapshot());
    }

    private static SocketActivationSpec spec(String protocol) {
        SocketActivationSpec spec = new SocketActivationSpec();
        spec.setProtocol(protocol);
        spec.setPort(0);
        spec.setShutdownGraceMillis(100);
        return spec;
    }

    /** A bootstrap context whose WorkManager runs scheduled work on the test's threads; nothing else is used. */
    private BootstrapContext bootstrapContext() {
        WorkManager workManager = proxy(WorkManager.class, (method, args) -> {
            if (method.equals("scheduleWork")) {
                Work work = (Work) args[0];
                threads.execute(work);
                return null;
            }
            throw new UnsupportedOperationException(method);
        });
        return proxy(BootstrapContext.class, (method, args) -> {
            if (method.equals("getWorkManager")) {
                return workManager;
            }
            throw new UnsupportedOperationException(method);
        });
    }

    private static MessageEndpointFactory endpointFactory(String name) {
        return proxy(MessageEndpointFactory.class, (method, args) -> switch (method) {
            case "getActivationName" -> name;
            case "getEndpointClass" -> null;
            case "toString" -> name;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    @FunctionalInterface
    private interface Answer {
        Object apply(String method, Object[] args);
    }

    /** An interface implementation answering by method name; equality and hashing are by identity. */
    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> switch (method.getName()) {
            case "equals" -> p == args[0];
            case "hashCode" -> System.identityHashCode(p);
            default -> answer.apply(method.getName(), args);
        }));
    }
}
