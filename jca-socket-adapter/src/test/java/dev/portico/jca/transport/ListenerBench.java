package dev.portico.jca.transport;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a transport test starts, and closes after it: one executor for listeners and handlers, the
 * listeners started on it and the loopback clients connected to them.
 */
final class ListenerBench implements AutoCloseable {

    final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<SocketListener<?, ?>> listeners = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    <Q, R> SocketListener<Q, R> started(SocketListener<Q, R> listener) {
        listeners.add(listener);
        listener.start();
        return listener;
    }

    Socket connect(SocketListener<?, ?> listener) throws IOException {
        return LoopbackClient.connect(listener, clients);
    }

    /** A client socket the test made itself, closed with the others. */
    Socket track(Socket client) {
        clients.add(client);
        return client;
    }

    /** Closes the clients, stops the listeners and checks that every thread ended. */
    @Override
    public void close() throws InterruptedException {
        for (Socket client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // the test is over; nothing to report
            }
        }
        listeners.forEach(listener -> listener.stop(Duration.ofSeconds(1)));
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "listener and handler threads end");
    }
}
