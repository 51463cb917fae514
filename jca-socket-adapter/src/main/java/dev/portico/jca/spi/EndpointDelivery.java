package dev.portico.jca.spi;

import dev.portico.jca.transport.RequestHandler;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * Hands one request to a fresh message endpoint: create, {@code beforeDelivery}, invoke,
 * {@code afterDelivery}, and release in every case. The reply is returned (and so written to the
 * client) only after {@code afterDelivery}, when any transaction of the delivery has completed.
 */
final class EndpointDelivery<Q, R> implements RequestHandler<Q, R> {

    private final MessageEndpointFactory factory;
    private final ProtocolBinding<?, Q, R> binding;

    EndpointDelivery(MessageEndpointFactory factory, ProtocolBinding<?, Q, R> binding) {
        this.factory = factory;
        this.binding = binding;
    }

    @Override
    public R handle(Q request) throws Exception {
        MessageEndpoint endpoint = factory.createEndpoint(null);
        try {
            endpoint.beforeDelivery(binding.method);
            R reply;
            try {
                reply = binding.invoke(endpoint, request);
            } finally {
                endpoint.afterDelivery();
            }
            return reply;
        } finally {
            endpoint.release();
        }
    }
}
