package dev.portico.jca.spi;

import dev.portico.jca.api.CustomerDirectoryListener;
import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;
import dev.portico.jca.api.FeatherBaseListener;
import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseRequest;
import dev.portico.jca.codec.CustomerDirectoryCodec;
import dev.portico.jca.api.RentalIntakeListener;
import dev.portico.jca.api.RentalIntakeReply;
import dev.portico.jca.api.RentalIntakeRequest;
import dev.portico.jca.codec.FeatherBaseCodec;
import dev.portico.jca.codec.RentalIntakeCodec;
import dev.portico.jca.codec.FrameCodec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * What the adapter knows of one protocol: its name in configuration, its listener interface and
 * method, its codec, and its default port and limits.
 */
final class ProtocolBinding<Q, R> {

    static final ProtocolBinding<CustomerDirectoryRequest, CustomerDirectoryReply> CUSTOMER_DIRECTORY = new ProtocolBinding<>(
            "customer-directory", CustomerDirectoryListener.class, method(CustomerDirectoryListener.class, "onRequest", CustomerDirectoryRequest.class),
            9999, 512, 3_000, (maxRequestBytes, authenticationRequired) -> new CustomerDirectoryCodec(maxRequestBytes));

    static final ProtocolBinding<FeatherBaseRequest, FeatherBaseReply> FEATHERBASE = new ProtocolBinding<>(
            "featherbase", FeatherBaseListener.class, method(FeatherBaseListener.class, "onCommand", FeatherBaseRequest.class),
            6969, 1 << 20, 30_000, FeatherBaseCodec::new);

    static final ProtocolBinding<RentalIntakeRequest, RentalIntakeReply> RENTAL_INTAKE = new ProtocolBinding<>(
            "rental-intake", RentalIntakeListener.class, method(RentalIntakeListener.class, "onIntake", RentalIntakeRequest.class),
            1234, 64 * 1024, 5_000, (maxRequestBytes, authenticationRequired) -> new RentalIntakeCodec(maxRequestBytes));

    private static final List<ProtocolBinding<?, ?>> ALL = List.of(CUSTOMER_DIRECTORY, FEATHERBASE, RENTAL_INTAKE);

    /** Makes a connection's codec from the listener's limits. */
    @FunctionalInterface
    interface CodecFactory<Q, R> {
        FrameCodec<Q, R> create(int maxRequestBytes, boolean authenticationRequired);
    }

    final String name;
    final Class<?> listenerType;
    final Method method;
    final int defaultPort;
    final int defaultMaxRequestBytes;
    final int defaultReadTimeoutMillis;
    private final CodecFactory<Q, R> codecs;

    private ProtocolBinding(String name, Class<?> listenerType, Method method, int defaultPort, int defaultMaxRequestBytes,
                            int defaultReadTimeoutMillis, CodecFactory<Q, R> codecs) {
        this.name = name;
        this.listenerType = listenerType;
        this.method = method;
        this.defaultPort = defaultPort;
        this.defaultMaxRequestBytes = defaultMaxRequestBytes;
        this.defaultReadTimeoutMillis = defaultReadTimeoutMillis;
        this.codecs = codecs;
    }

    static Optional<ProtocolBinding<?, ?>> named(String name) {
        return ALL.stream().filter(b -> b.name.equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", ALL.stream().map(b -> b.name).toList());
    }

    FrameCodec<Q, R> newCodec(int maxRequestBytes, boolean authenticationRequired) {
        return codecs.create(maxRequestBytes, authenticationRequired);
    }

    /** Calls the listener method on a message endpoint, unwrapping what the method threw. */
    @SuppressWarnings("unchecked")
    R invoke(Object endpoint, Q request) throws Exception {
        try {
            return (R) method.invoke(endpoint, request);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
