package dev.portico.jca.spi;

import dev.portico.jca.api.CustomerDirectoryListener;
import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries to message endpoints: the listener method is called on an endpoint that serves one request
 * at a time and is kept for the next; one whose call failed is released; closing releases the idle ones.
 */
class EndpointDeliveryTest {

    private static final CustomerDirectoryRequest REQUEST = new CustomerDirectoryRequest.Find("Alice");
    private static final CustomerDirectoryReply REPLY = new CustomerDirectoryReply.NotFound("Alice");

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile CountDownLatch holdRequests = new CountDownLatch(0);
    private final EndpointDelivery<CustomerDirectoryRequest, CustomerDirectoryReply> delivery =
            new EndpointDelivery<>(factory(), ProtocolBinding.CUSTOMER_DIRECTORY);

    @Test
    void theListenerMethodIsCalledWithoutDeliveryBracketsAndTheEndpointServesTheNextRequest() throws Exception {
        assertSame(REPLY, delivery.handle(REQUEST));
        assertSame(REPLY, delivery.handle(REQUEST));
        assertEquals(List.of("1 onRequest Find[name=Alice]", "1 onRequest Find[name=Alice]"), calls);
        assertEquals(1, created.get());
    }

    @Test
    void whatTheListenerThrowsIsThrownAsItWasAndItsEndpointIsReleasedNotReused() throws Exception {
        failing.set(true);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> delivery.handle(REQUEST));
        assertEquals("onRequest failed", thrown.getMessage());
        failing.set(false);
        assertSame(REPLY, delivery.handle(REQUEST));
        assertEquals(List.of("1 onRequest Find[name=Alice]", "1 release", "2 onRequest Find[name=Alice]"), calls);
    }

    @Test
    void closingReleasesTheIdleEndpointsAndOneStillServingWhenItsRequestEnds() throws Exception {
        delivery.handle(REQUEST);
        holdRequests = new CountDownLatch(1);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<CustomerDirectoryReply> serving = worker.submit(() -> delivery.handle(REQUEST));
            while (created.get() < 1 || calls.size() < 2) {
                Thread.sleep(1); // waiting for a condition: the second request is inside the listener method
            }
            delivery.close();
            assertEquals(List.of("1 onRequest Find[name=Alice]", "1 onRequest Find[name=Alice]"), calls,
                    "the endpoint serving a request is not released under it");
            holdRequests.countDown();
            assertSame(REPLY, serving.get(10, TimeUnit.SECONDS));
            assertEquals("1 release", calls.get(calls.size() - 1), "released when its request ended");
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void noMoreThanTheKeptNumberOfEndpointsStayIdle() throws Exception {
        int concurrent = EndpointDelivery.KEPT + 3;
        holdRequests = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(concurrent);
        try {
            List<Future<CustomerDirectoryReply>> replies = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                replies.add(workers.submit(() -> delivery.handle(REQUEST)));
            }
            while (created.get() < concurrent) {
                Thread.sleep(1); // waiting for a condition: every request holds its own endpoint
            }
            holdRequests.countDown();
            for (Future<CustomerDirectoryReply> reply : replies) {
                assertSame(REPLY, reply.get(10, TimeUnit.SECONDS));
            }
            assertEquals(3, calls.stream().filter(c -> c.endsWith("release")).count(), "those beyond the kept number are released");
            calls.clear();
            delivery.close();
            assertEquals(EndpointDelivery.KEPT, calls.size());
            assertTrue(calls.stream().allMatch(c -> c.endsWith("release")), calls.toString());
        } finally {
            workers.shutdownNow();
        }
    }

    /** Endpoints that record their calls (prefixed by their number), wait while requests are held, and fail when told. */
    private MessageEndpointFactory factory() {
        return (MessageEndpointFactory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MessageEndpointFactory.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("createEndpoint")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    int number = created.incrementAndGet();
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {MessageEndpoint.class, CustomerDirectoryListener.class}, (endpoint, call, callArgs) -> {
                                String name = call.getName();
                                if (!name.equals("onRequest") && !name.equals("release")) {
                                    throw new UnsupportedOperationException(name);
                                }
                                calls.add(number + " " + (callArgs == null ? name : name + " " + callArgs[0]));
                                if (name.equals("release")) {
                                    return null;
                                }
                                assertTrue(holdRequests.await(10, TimeUnit.SECONDS));
                                if (failing.get()) {
                                    throw new IllegalStateException("onRequest failed");
                                }
                                return REPLY;
                            });
                });
    }
}
