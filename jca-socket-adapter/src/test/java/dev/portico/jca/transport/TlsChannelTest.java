package dev.portico.jca.transport;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** TlsChannel alone on a real non-blocking socket, driven the way the selector loop drives it. */
class TlsChannelTest {

    @Test
    void anIdleConnectionHoldsNoBufferAfterItsHandshakeAndGreeting() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LoopbackClient.LOOPBACK, 0));
             Socket plain = new Socket(LoopbackClient.LOOPBACK, server.socket().getLocalPort());
             SocketChannel accepted = server.accept()) {
            accepted.configureBlocking(false);
            TlsChannel tls = new TlsChannel(accepted, TlsTestKeys.settings().newEngine());
            SSLSocket client = (SSLSocket) TlsTestKeys.clientContext().getSocketFactory().createSocket(plain, "localhost", plain.getPort(), true);
            client.setSoTimeout(LoopbackClient.TIMEOUT_MILLIS);
            CompletableFuture<String> clientSide = CompletableFuture.supplyAsync(() -> {
                try {
                    client.startHandshake();
                    return new String(client.getInputStream().readNBytes(5), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            ByteBuffer received = ByteBuffer.allocate(64);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (tls.handshaking() && System.nanoTime() < deadline) {
                tls.read(received); // handshake messages are read, and answered, inside read
                tls.flush();
                Thread.sleep(5);
            }
            assertEquals(0, received.position(), "the client sent no data, only its handshake");
            ByteBuffer reply = ByteBuffer.wrap("pong;".getBytes(StandardCharsets.UTF_8));
            while (reply.hasRemaining() || !tls.flush()) {
                tls.write(reply);
            }
            assertEquals("pong;", clientSide.get(10, TimeUnit.SECONDS));
            tls.read(received); // whatever the client's stack sent after its handshake (nothing here)

            assertFalse(tls.handshaking());
            assertFalse(tls.hasBufferedInput());
            assertEquals(0, tls.heldBytes(), "no buffer kept while idle");
            client.close();
        }
    }
}
