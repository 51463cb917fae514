package dev.portico.jca.spi;

import dev.portico.jca.api.ListenerRegistry;
import dev.portico.jca.transport.ListenerSettings;
import dev.portico.jca.transport.SocketListener;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Portico socket resource adapter: each message-driven bean activation opens one TCP
 * listener, configured by its {@link SocketActivationSpec}, and each deactivation (or the
 * adapter's stop) closes it again. Running listeners are listed in the {@link ListenerRegistry}.
 */
@Connector(displayName = "Portico socket adapter", vendorName = "Portico", eisType = "Legacy TCP database protocols",
        version = "1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class SocketResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(SocketResourceAdapter.class.getName());

    private final Map<Activation, Running> listeners = new ConcurrentHashMap<>();
    private Executor executor;

    private record Activation(MessageEndpointFactory factory, ActivationSpec spec) { }

    private record Running(SocketListener<?, ?> listener, SocketActivationSpec spec, EndpointDelivery<?, ?> delivery) { }

    @Override
    public void start(BootstrapContext context) {
        executor = new WorkManagerExecutor(context.getWorkManager());
    }

    @Override
    public void stop() {
        listeners.keySet().forEach(this::stopListener);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec activationSpec) throws ResourceException {
        if (!(activationSpec instanceof SocketActivationSpec spec)) {
            throw new NotSupportedException("not a SocketActivationSpec: " + activationSpec);
        }
        spec.validate();
        ProtocolBinding<?, ?, ?> binding = spec.binding();
        Class<?> endpointClass = factory.getEndpointClass();
        if (endpointClass != null && !binding.listenerType.isAssignableFrom(endpointClass)) {
            throw new NotSupportedException(endpointClass.getName() + " does not implement " + binding.listenerType.getName()
                    + ", which the " + binding.name + " protocol needs");
        }
        Running running;
        try {
            running = open(factory, binding, spec);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Portico cannot serve " + binding.name + " for " + factory.getActivationName() + ": " + e.getMessage());
            throw new ResourceException(e.getMessage(), e);
        }
        try {
            running.listener().start();
        } catch (RuntimeException e) {
            running.listener().stop(Duration.ZERO);
            running.delivery().close();
            LOG.log(Level.SEVERE, "Portico cannot start the " + binding.name + " listener for " + factory.getActivationName(), e);
            throw new ResourceException("cannot start the " + binding.name + " listener: " + e.getMessage(), e);
        }
        Activation activation = new Activation(factory, activationSpec);
        listeners.put(activation, running);
        ListenerRegistry.register(activation, running.listener()::statistics);
    }

    /** The listener for {@code spec}, not yet started, delivering to endpoints of {@code factory}. */
    private <F, Q, R> Running open(MessageEndpointFactory factory, ProtocolBinding<F, Q, R> binding, SocketActivationSpec spec) throws IOException {
        EndpointDelivery<Q, R> delivery = new EndpointDelivery<>(factory, binding);
        ListenerSettings settings = spec.settings();
        int maxRequestBytes = settings.maxRequestBytes();
        boolean authenticationRequired = spec.authenticationRequired();
        SocketListener<F, R> listener = new SocketListener<>(settings, () -> binding.newCodec(maxRequestBytes, authenticationRequired),
                binding.handler(delivery), executor, spec.tlsSettings());
        return new Running(listener, spec, delivery);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        stopListener(new Activation(factory, spec));
    }

    private void stopListener(Activation activation) {
        ListenerRegistry.unregister(activation);
        Running running = listeners.remove(activation);
        if (running != null) {
            running.listener().stop(running.spec().shutdownGrace());
            running.delivery().close();
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }
}
