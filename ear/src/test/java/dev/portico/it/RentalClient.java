package dev.portico.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A car-rental desk client: connect, send one pickle, read the one-line reply until the server closes. */
final class RentalClient {

    private RentalClient() {
    }

    static String send(byte[] pickle) {
        return send(ItEnvironment.rentalPort(), pickle);
    }

    /** Sends to another rental intake port (a second server, a load balancer). */
    static String send(int port, byte[] pickle) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ItEnvironment.HOST, port), 5000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(pickle);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] vector(String name) {
        try {
            return Files.readAllBytes(vectors().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path vectors() {
        return ItEnvironment.shared().resolve("protocols/vectors/rental");
    }
}
