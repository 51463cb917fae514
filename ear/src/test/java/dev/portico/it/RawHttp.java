package dev.portico.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, for what {@link java.net.http.HttpClient} will not send: another
 * {@code Host}, a malformed request line or URL. The request should ask for {@code Connection: close}.
 */
final class RawHttp {

    /** A response: status, headers (names lower-cased, in order) and the body, de-chunked. */
    record Reply(int status, Map<String, List<String>> headers, String body) {

        /** Every value of a header, joined by ", "; empty when absent. */
        String header(String name) {
            return String.join(", ", headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    private RawHttp() {
    }

    /** GET of a web module path (under /portico) with the given Host header and extra header lines. */
    static Reply get(String path, String host, String... headerLines) throws IOException {
        return send(getRequest(path, host, headerLines));
    }

    /** The same GET sent from a given local address (another client machine, on loopback) to another HTTP port. */
    static Reply getFrom(String localAddress, int port, String path, String... headerLines) throws IOException {
        return send(getRequest(path, "127.0.0.1", headerLines), localAddress, port);
    }

    private static String getRequest(String path, String host, String... headerLines) {
        StringBuilder request = new StringBuilder("GET /portico" + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    /** Sends the request text as it is and reads the response until the server closes the connection. */
    static Reply send(String request) throws IOException {
        return send(request, null, ItEnvironment.httpPort());
    }

    private static Reply send(String request, String localAddress, int port) throws IOException {
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(ItEnvironment.HOST, port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static Reply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        return new Reply(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
