package dev.portico.jca.spi;

import dev.portico.jca.transport.RequestHandler;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands each request (or gathered requests together, see {@link ProtocolBinding}) to a message endpoint
 * and returns its reply. The listener method is called
 * without {@code beforeDelivery}/{@code afterDelivery}: the container runs it in its own transaction
 * context (the listener beans' attribute) and completes that before the call returns, so a reply is
 * only returned after what it reports was committed. An endpoint serves one request at a time and is
 * kept for a later one (at most {@link #KEPT} idle ones), as JCA allows: creating one per request cost
 * a proxy and container bookkeeping each time. An endpoint whose call failed is released, never reused;
 * {@link #close()} releases the idle ones when the listener stops.
 */
final class EndpointDelivery<Q, R> implements RequestHandler<Q, R> {

    /** Idle endpoints kept at most: more than a listener's worker threads. */
    static final int KEPT = 64;

    private final MessageEndpointFactory factory;
    private final ProtocolBinding<?, Q, R> binding;
    private final Deque<MessageEndpoint> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    EndpointDelivery(MessageEndpointFactory factory, ProtocolBinding<?, Q, R> binding) {
        this.factory = factory;
        this.binding = binding;
    }

    @Override
    public R handle(Q request) throws Exception {
        return deliver(endpoint -> binding.invoke(endpoint, request));
    }

    @Override
    public List<R> handleAll(List<Q> requests) throws Exception {
        return deliver(endpoint -> binding.invokeAll(endpoint, requests));
    }

    /** One call on an endpoint kept from before, or a new one. */
    private <T> T deliver(Call<T> call) throws Exception {
        MessageEndpoint endpoint = idle.pollFirst();
        if (endpoint == null) {
            endpoint = factory.createEndpoint(null);
        } else {
            idleCount.decrementAndGet();
        }
        boolean answered = false;
        try {
            T reply = call.on(endpoint);
            answered = true;
            return reply;
        } finally {
            if (answered) {
                keepOrRelease(endpoint);
            } else {
                endpoint.release();
            }
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(MessageEndpoint endpoint) throws Exception;
    }

    /** Releases the idle endpoints; an endpoint still serving a request is released when it ends. */
    void close() {
        closed = true;
        releaseIdle();
    }

    private void keepOrRelease(MessageEndpoint endpoint) {
        if (closed) {
            endpoint.release();
            return;
        }
        if (idleCount.incrementAndGet() > KEPT) {
            idleCount.decrementAndGet();
            endpoint.release();
            return;
        }
        idle.offerFirst(endpoint);
        if (closed) {
            releaseIdle(); // closed meanwhile: this one may have missed close()'s sweep
        }
    }

    private void releaseIdle() {
        for (MessageEndpoint e = idle.pollFirst(); e != null; e = idle.pollFirst()) {
            idleCount.decrementAndGet();
            e.release();
        }
    }
}
