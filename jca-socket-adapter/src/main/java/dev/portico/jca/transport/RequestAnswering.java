package dev.portico.jca.transport;

import dev.portico.jca.api.ReplyAbandonedException;
import dev.portico.jca.api.RequestCommands;
import dev.portico.jca.codec.PickledIntake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one request on a worker thread: runs the handler (which may stream parts of its reply
 * through the connection's {@link ReplyPipe} meanwhile), then ends the reply. A failure is logged once
 * and answered with the session's server error, or, when streamed bytes already went out, ends in a
 * reset; a client that went away during a streamed reply is no failure of the application. Requests
 * gathered from several connections (see {@link RequestHandler#gathers}) are answered in one call, or,
 * should it fail, each on its own.
 */
final class RequestAnswering<Q, R> {

    private static final Logger LOG = Logger.getLogger(SocketListener.class.getName());

    private final String name;
    private final RequestHandler<Q, R> handler;
    private final ListenerCounters counters;
    private final Function<Connection<?, ?>, String> describe;

    RequestAnswering(String name, RequestHandler<Q, R> handler, ListenerCounters counters, Function<Connection<?, ?>, String> describe) {
        this.name = name;
        this.handler = handler;
        this.counters = counters;
        this.describe = describe;
    }

    Completion<Q, R> answer(Connection<Q, R> c, Q request) {
        long started = counters.traffic.answering(1);
        try {
            return answerTimed(c, request);
        } finally {
            counters.traffic.answered(command(request), started);
        }
    }

    /** The request's command as operators count it: a rental intake is framed here, still a pickle, and named as the intake it is. */
    static String command(Object request) {
        return request instanceof PickledIntake ? "intake" : RequestCommands.of(request);
    }

    private Completion<Q, R> answerTimed(Connection<Q, R> c, Q request) {
        try {
            R reply = handler.handle(request);
            return Completion.reply(c, c.pipe.finish(c.session.render(reply)), reply);
        } catch (ReplyAbandonedException e) {
            c.pipe.fail();
            return abandoned(c, request);
        } catch (Exception | Error e) {
            boolean streamed = c.pipe.fail();
            if (c.pipe.isCut()) {
                return abandoned(c, request);
            }
            LOG.log(Level.SEVERE, name + ": " + request.getClass().getSimpleName() + " from " + describe.apply(c) + " failed"
                    + (streamed ? " after part of its reply was sent; the connection is reset" : ""), e);
            counters.failed(describe.apply(c), request.getClass().getSimpleName(), e);
            return streamed ? Completion.reset(c) : serverError(c);
        }
    }

    /**
     * Answers gathered requests, one of each connection, in one call of the handler. Should that call (or
     * rendering its replies) fail, each request is answered again on its own, so that one request's failure
     * is never another's.
     */
    List<Completion<Q, R>> answerAll(List<Connection<Q, R>> connections, List<Q> requests) {
        long started = counters.traffic.answering(requests.size());
        counters.traffic.gathered(requests.size());
        try {
            return answerTogether(connections, requests);
        } catch (Exception | Error e) {
            LOG.log(Level.FINE, e, () -> name + ": " + requests.size() + " gathered requests failed together; each is answered alone");
            List<Completion<Q, R>> done = new ArrayList<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                done.add(answerTimed(connections.get(i), requests.get(i)));
            }
            return done;
        } finally {
            for (Q request : requests) {
                counters.traffic.answered(command(request), started);
            }
        }
    }

    private List<Completion<Q, R>> answerTogether(List<Connection<Q, R>> connections, List<Q> requests) throws Exception {
        List<R> replies = handler.handleAll(requests);
        if (replies.size() != requests.size()) {
            throw new IllegalStateException(replies.size() + " replies to " + requests.size() + " requests");
        }
        List<byte[]> rendered = new ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            rendered.add(connections.get(i).session.render(replies.get(i)));
        }
        List<Completion<Q, R>> done = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Connection<Q, R> c = connections.get(i);
            done.add(Completion.reply(c, c.pipe.finish(rendered.get(i)), replies.get(i)));
        }
        return done;
    }

    /** The answer when no thread could take the request. */
    Completion<Q, R> serverError(Connection<Q, R> c) {
        R reply = c.session.serverError();
        return Completion.reply(c, c.session.render(reply), reply);
    }

    private Completion<Q, R> abandoned(Connection<Q, R> c, Q request) {
        LOG.fine(() -> name + ": the client of " + request.getClass().getSimpleName() + " went away during its streamed reply");
        return Completion.reset(c);
    }
}
