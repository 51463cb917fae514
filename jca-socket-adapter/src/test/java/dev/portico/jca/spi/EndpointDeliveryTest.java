package dev.portico.jca.spi;

import dev.portico.jca.api.CustomerDirectoryListener;
import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One delivery to a message endpoint: create, beforeDelivery, invoke, afterDelivery, release, whatever fails. */
class EndpointDeliveryTest {

    private static final CustomerDirectoryRequest REQUEST = new CustomerDirectoryRequest.Find("Alice");
    private static final CustomerDirectoryReply REPLY = new CustomerDirectoryReply.NotFound("Alice");

    private final List<String> calls = new ArrayList<>();

    @Test
    void theReplyIsReturnedAfterTheDeliveryEndedAndTheEndpointIsReleased() throws Exception {
        EndpointDelivery<CustomerDirectoryRequest, CustomerDirectoryReply> delivery = delivery(Set.of());

        assertSame(REPLY, delivery.handle(REQUEST));
        assertEquals(List.of("createEndpoint", "beforeDelivery onRequest", "onRequest Find[name=Alice]", "afterDelivery", "release"), calls);
    }

    @Test
    void whatTheListenerThrowsIsThrownUnwrappedAfterTheDeliveryEndedAndTheEndpointIsReleased() {
        EndpointDelivery<CustomerDirectoryRequest, CustomerDirectoryReply> delivery = delivery(Set.of("onRequest"));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> delivery.handle(REQUEST));
        assertEquals("onRequest failed", thrown.getMessage());
        assertEquals(List.of("createEndpoint", "beforeDelivery onRequest", "onRequest Find[name=Alice]", "afterDelivery", "release"), calls);
    }

    @Test
    void aFailedBeforeDeliveryInvokesNothingAndStillReleasesTheEndpoint() {
        EndpointDelivery<CustomerDirectoryRequest, CustomerDirectoryReply> delivery = delivery(Set.of("beforeDelivery"));

        assertThrows(ResourceException.class, () -> delivery.handle(REQUEST));
        assertEquals(List.of("createEndpoint", "beforeDelivery onRequest", "release"), calls);
    }

    @Test
    void aFailedAfterDeliveryReturnsNoReplyAndStillReleasesTheEndpoint() {
        EndpointDelivery<CustomerDirectoryRequest, CustomerDirectoryReply> delivery = delivery(Set.of("afterDelivery"));

        assertThrows(ResourceException.class, () -> delivery.handle(REQUEST), "a reply whose transaction did not complete is not sent");
        assertEquals(List.of("createEndpoint", "beforeDelivery onRequest", "onRequest Find[name=Alice]", "afterDelivery", "release"), calls);
    }

    /** A delivery to endpoints that record their calls and fail in the methods named. */
    private EndpointDelivery<CustomerDirectoryRequest, CustomerDirectoryReply> delivery(Set<String> failing) {
        MessageEndpoint endpoint = (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MessageEndpoint.class, CustomerDirectoryListener.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    calls.add(args == null ? name : name + " " + describe(args[0]));
                    if (failing.contains(name)) {
                        throw name.equals("onRequest") ? new IllegalStateException("onRequest failed") : new ResourceException(name + " failed");
                    }
                    return name.equals("onRequest") ? REPLY : null;
                });
        MessageEndpointFactory factory = (MessageEndpointFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MessageEndpointFactory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createEndpoint")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add("createEndpoint");
                    return endpoint;
                });
        return new EndpointDelivery<>(factory, ProtocolBinding.CUSTOMER_DIRECTORY);
    }

    private static String describe(Object argument) {
        return argument instanceof Method method ? method.getName() : String.valueOf(argument);
    }
}
