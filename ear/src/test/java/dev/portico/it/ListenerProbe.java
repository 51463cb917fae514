package dev.portico.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One request to each listener and the web module of a Portico server on any ports (a server started apart from the
 * test server: an unpacked Liberty, the runnable jar). Waits first until the listeners accept connections.
 */
final class ListenerProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private final int httpPort;
    private final int customerPort;
    private final int featherBasePort;
    private final int rentalPort;

    ListenerProbe(int httpPort, int customerPort, int featherBasePort, int rentalPort) {
        this.httpPort = httpPort;
        this.customerPort = customerPort;
        this.featherBasePort = featherBasePort;
        this.rentalPort = rentalPort;
    }

    int customerPort() {
        return customerPort;
    }

    int featherBasePort() {
        return featherBasePort;
    }

    int rentalPort() {
        return rentalPort;
    }

    /**
     * Waits until the web module answers {@code path} with 200 (Liberty's HTTP port opens before the application has
     * started) and every listener accepts a connection; fails after the timeout (a hang guard, not a goal).
     */
    void awaitReady(String path, Duration timeout, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!answers(path)) {
            giveUpIfOver(deadline, server, "no 200 for " + path + " on port " + httpPort + " after " + timeout);
        }
        for (int port : new int[] {customerPort, featherBasePort, rentalPort}) {
            while (!accepts(port)) {
                giveUpIfOver(deadline, server, "nothing listens on 127.0.0.1:" + port + " after " + timeout);
            }
        }
    }

    private static void giveUpIfOver(long deadline, Process server, String failure) throws InterruptedException {
        if (server != null && !server.isAlive()) {
            throw new AssertionError("the server process ended (exit " + server.exitValue() + "): " + failure);
        }
        if (System.nanoTime() > deadline) {
            throw new AssertionError(failure);
        }
        Thread.sleep(500);
    }

    private boolean answers(String path) throws InterruptedException {
        try {
            return get(path, null, null).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ItEnvironment.HOST, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Customer directory: one line, the whole reply until the server closes. */
    String customerDirectory(String line) throws IOException {
        try (Socket socket = connect(customerPort)) {
            socket.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** FeatherBase: the greeting, then one command's reply (EOT removed), joined by a line break. */
    String featherBase(String command) throws IOException {
        try (Socket socket = connect(featherBasePort)) {
            InputStream in = socket.getInputStream();
            String greeting = FeatherBaseClient.readGreeting(in);
            socket.getOutputStream().write(FeatherBaseClient.bytes(command));
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != 0x04) {
                reply.write(b);
            }
            return greeting + reply.toString(StandardCharsets.UTF_8);
        }
    }

    /** Car-rental intake: one pickle, the one-line reply. */
    String rental(byte[] pickle) throws IOException {
        try (Socket socket = connect(rentalPort)) {
            socket.getOutputStream().write(pickle);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** GET of a path of the web module (e.g. "/portico/"), following redirects, with HTTP Basic when a user is given. */
    HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + ItEnvironment.HOST + ":" + httpPort + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (user != null) {
            request.header("Authorization", Http.basic(user, password));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(ItEnvironment.HOST, port), 30_000);
        socket.setSoTimeout(60_000);
        return socket;
    }
}
