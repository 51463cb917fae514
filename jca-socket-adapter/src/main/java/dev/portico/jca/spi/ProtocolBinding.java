package dev.portico.jca.spi;

import dev.portico.jca.api.CustomerDirectoryListener;
import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;
import dev.portico.jca.api.FeatherBaseCommand;
import dev.portico.jca.api.FeatherBaseListener;
import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseRequest;
import dev.portico.jca.codec.ConnectionCodec;
import dev.portico.jca.codec.CustomerDirectorySession;
import dev.portico.jca.api.RentalIntakeListener;
import dev.portico.jca.api.RentalIntakeReply;
import dev.portico.jca.api.RentalIntakeRequest;
import dev.portico.jca.codec.FeatherBaseSession;
import dev.portico.jca.codec.RentalIntakeSession;
import dev.portico.jca.codec.PickleException;
import dev.portico.jca.codec.PickledIntake;
import dev.portico.jca.transport.RequestHandler;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the adapter knows of one protocol: its name in configuration, its listener interface and
 * method, its codec, how a framed request becomes the listener's argument, and its default port
 * and limits.
 *
 * @param <F> what the codec frames on the selector thread
 * @param <Q> the listener method's argument
 * @param <R> the reply
 */
final class ProtocolBinding<F, Q, R> {

    static final ProtocolBinding<CustomerDirectoryRequest, CustomerDirectoryRequest, CustomerDirectoryReply> CUSTOMER_DIRECTORY =
            new ProtocolBinding<>("customer-directory", CustomerDirectoryListener.class,
                    (endpoint, request) -> ((CustomerDirectoryListener) endpoint).onRequest(request),
                    9999, 512, 3_000, 2_000, (maxRequestBytes, authenticationRequired) -> CustomerDirectorySession.codec(maxRequestBytes),
                    (request, application) -> application.handle(request), null, null);

    /** Row reads (getrow, getcell) that arrive together on several connections are answered in one call. */
    static final ProtocolBinding<FeatherBaseRequest, FeatherBaseRequest, FeatherBaseReply> FEATHERBASE = new ProtocolBinding<>(
            "featherbase", FeatherBaseListener.class, (endpoint, request) -> ((FeatherBaseListener) endpoint).onCommand(request),
            6969, 1 << 20, 30_000, 10_000, FeatherBaseSession::codec, (request, application) -> application.handle(request),
            request -> request.command() instanceof FeatherBaseCommand.GetRow || request.command() instanceof FeatherBaseCommand.GetCell,
            (endpoint, requests) -> ((FeatherBaseListener) endpoint).onCommands(requests));

    /** Pickles are only framed on the selector thread; building their values is costly and happens on the worker thread. */
    static final ProtocolBinding<PickledIntake, RentalIntakeRequest, RentalIntakeReply> RENTAL_INTAKE = new ProtocolBinding<>(
            "rental-intake", RentalIntakeListener.class, (endpoint, request) -> ((RentalIntakeListener) endpoint).onIntake(request),
            1234, 64 * 1024, 5_000, 2_000, (maxRequestBytes, authenticationRequired) -> RentalIntakeSession.codec(maxRequestBytes),
            ProtocolBinding::unpickleThenDeliver, null, null);

    private static final List<ProtocolBinding<?, ?, ?>> ALL = List.of(CUSTOMER_DIRECTORY, FEATHERBASE, RENTAL_INTAKE);

    /** Makes a connection's codec from the listener's limits. */
    @FunctionalInterface
    interface CodecFactory<F, R> {
        ConnectionCodec<F, R> create(int maxRequestBytes, boolean authenticationRequired);
    }

    /** Calls the listener method on a message endpoint (a proxy implementing the listener interface), without reflection. */
    @FunctionalInterface
    interface Call<Q, R> {
        R call(Object endpoint, Q request) throws Exception;
    }

    /** Calls the listener's method for several requests at once on a message endpoint. */
    @FunctionalInterface
    interface CallAll<Q, R> {
        List<R> call(Object endpoint, List<Q> requests) throws Exception;
    }

    /** Answers a framed request on a worker thread: turns it into the listener's argument and delivers it, or answers it alone. */
    @FunctionalInterface
    interface Preparation<F, Q, R> {
        R answer(F framed, RequestHandler<Q, R> application) throws Exception;
    }

    final String name;
    final Class<?> listenerType;
    private final Call<Q, R> call;
    final int defaultPort;
    final int defaultMaxRequestBytes;
    final int defaultReadTimeoutMillis;
    /** Enough for every client plus an attacker's idle connections; a full listener closes idle ones for new clients. */
    final int defaultMaxConnections;
    private final CodecFactory<F, R> codecs;
    private final Preparation<F, Q, R> preparation;
    /**
     * Which requests are gathered and answered together ({@code callAll}); null: none. Only for a protocol whose
     * framed request is the listener's argument as it is ({@code F} is {@code Q}, the preparation only delivers it),
     * as gathered requests go to the listener without their preparation.
     */
    private final Predicate<Q> gathers;
    private final CallAll<Q, R> callAll;

    private ProtocolBinding(String name, Class<?> listenerType, Call<Q, R> call, int defaultPort, int defaultMaxRequestBytes,
                            int defaultReadTimeoutMillis, int defaultMaxConnections, CodecFactory<F, R> codecs, Preparation<F, Q, R> preparation,
                            Predicate<Q> gathers, CallAll<Q, R> callAll) {
        this.name = name;
        this.listenerType = listenerType;
        this.call = call;
        this.defaultPort = defaultPort;
        this.defaultMaxRequestBytes = defaultMaxRequestBytes;
        this.defaultReadTimeoutMillis = defaultReadTimeoutMillis;
        this.defaultMaxConnections = defaultMaxConnections;
        this.codecs = codecs;
        this.preparation = preparation;
        this.gathers = gathers;
        this.callAll = callAll;
    }

    static Optional<ProtocolBinding<?, ?, ?>> named(String name) {
        return ALL.stream().filter(b -> b.name.equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", ALL.stream().map(b -> b.name).toList());
    }

    ConnectionCodec<F, R> newCodec(int maxRequestBytes, boolean authenticationRequired) {
        return codecs.create(maxRequestBytes, authenticationRequired);
    }

    /**
     * The handler a listener runs on its worker threads: preparation of each framed request, then delivery
     * to the application; gathered requests (framed as the listener's argument) go to the application together.
     */
    RequestHandler<F, R> handler(RequestHandler<Q, R> application) {
        return new RequestHandler<>() {
            @Override
            public R handle(F framed) throws Exception {
                return preparation.answer(framed, application);
            }

            @Override
            @SuppressWarnings("unchecked")
            public boolean gathers(F framed) {
                return gathers != null && gathers.test((Q) framed);
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<R> handleAll(List<F> framed) throws Exception {
                return application.handleAll((List<Q>) (List<?>) framed);
            }
        };
    }

    /** Calls the listener's method for gathered requests on a message endpoint. */
    List<R> invokeAll(Object endpoint, List<Q> requests) throws Exception {
        return callAll.call(endpoint, requests);
    }

    private static RentalIntakeReply unpickleThenDeliver(PickledIntake framed, RequestHandler<RentalIntakeRequest, RentalIntakeReply> application)
            throws Exception {
        RentalIntakeRequest request;
        try {
            request = framed.unpickle();
        } catch (PickleException refused) {
            return PickledIntake.refusal(refused);
        }
        return application.handle(request);
    }

    /** Calls the listener method on a message endpoint; what the method threw is thrown as it was. */
    R invoke(Object endpoint, Q request) throws Exception {
        return call.call(endpoint, request);
    }
}
