package dev.portico.jca.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The PROXY protocol header a load balancer puts before a client's bytes (HAProxy's proxy-protocol.txt, versions 1 and
 * 2): the client's address as the balancer saw it. Only read from {@linkplain TrustedProxies trusted} peers.
 */
final class ProxyHeader {

    /** Version 1 is one text line of at most 107 bytes, CRLF included. */
    static final int V1_MAX = 107;
    /** Version 2 addresses and extensions (TLVs) beyond this are refused: HAProxy sends far less. */
    static final int V2_MAX_PAYLOAD = 2048;

    private static final byte[] V1_START = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    /** What the first bytes of a connection are. */
    sealed interface Parsed permits NotAHeader, NeedMore, Invalid, Header { }

    /** The bytes do not begin a header: they are the client's own. */
    record NotAHeader() implements Parsed { }

    /** They may begin one: wait for more. */
    record NeedMore() implements Parsed { }

    /** A header that breaks the protocol's rules. */
    record Invalid(String reason) implements Parsed { }

    /** A whole header; {@code client} is null when it names no TCP client (a balancer's own check, UDP, a UNIX socket). */
    record Header(String client) implements Parsed { }

    private ProxyHeader() {
    }

    /** Parses from {@code in} (read mode; nothing yet: need more); only a {@link Header} advances its position, past the header. */
    static Parsed parse(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return new NeedMore();
        }
        if (startsWith(in, V1_START)) {
            return in.remaining() < V1_START.length ? new NeedMore() : version1(in);
        }
        if (startsWith(in, V2_SIGNATURE)) {
            return in.remaining() < V2_SIGNATURE.length ? new NeedMore() : version2(in);
        }
        return new NotAHeader();
    }

    /** Whether what {@code in} holds (something) agrees with {@code prefix} as far as either goes. */
    private static boolean startsWith(ByteBuffer in, byte[] prefix) {
        int n = Math.min(in.remaining(), prefix.length);
        for (int i = 0; i < n; i++) {
            if (in.get(in.position() + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Parsed version1(ByteBuffer in) {
        int start = in.position();
        int end = -1;
        for (int i = start; i < in.limit() && i < start + V1_MAX; i++) {
            if (in.get(i) == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return in.remaining() >= V1_MAX ? new Invalid("a version 1 header longer than " + V1_MAX + " bytes") : new NeedMore();
        }
        if (end == start || in.get(end - 1) != '\r') {
            return new Invalid("a version 1 header not ended by CRLF");
        }
        byte[] line = new byte[end - 1 - start];
        in.get(start, line);
        String[] fields = new String(line, StandardCharsets.US_ASCII).split(" ", -1);
        String client;
        if (fields.length >= 2 && fields[1].equals("UNKNOWN")) {
            client = null;
        } else if (fields.length == 6 && (fields[1].equals("TCP4") || fields[1].equals("TCP6"))) {
            boolean six = fields[1].equals("TCP6");
            byte[] source = TrustedProxies.literal(fields[2]);
            byte[] destination = TrustedProxies.literal(fields[3]);
            if (source == null || destination == null || fields[2].contains(":") != six || fields[3].contains(":") != six
                    || !port(fields[4]) || !port(fields[5])) {
                return new Invalid("a version 1 header with bad addresses or ports");
            }
            client = address(source);
        } else {
            return new Invalid("a version 1 header of an unknown form");
        }
        in.position(end + 1);
        return new Header(client);
    }

    private static boolean port(String text) {
        return text.matches("0|[1-9]\\d{0,4}") && Integer.parseInt(text) <= 65_535;
    }

    private static Parsed version2(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < 16) {
            return new NeedMore();
        }
        int versionAndCommand = in.get(start + 12) & 0xFF;
        int familyAndTransport = in.get(start + 13) & 0xFF;
        int family = familyAndTransport >> 4;
        int length = in.getShort(start + 14) & 0xFFFF;
        if (versionAndCommand >> 4 != 2) {
            return new Invalid("a version 2 header of version " + (versionAndCommand >> 4));
        }
        int command = versionAndCommand & 0x0F;
        if (command > 1) {
            return new Invalid("a version 2 header with command " + command);
        }
        if (familyAndTransport != 0x00 && (family < 1 || family > 3 || (familyAndTransport & 0x0F) < 1 || (familyAndTransport & 0x0F) > 2)) {
            return new Invalid("a version 2 header with address family and transport 0x" + Integer.toHexString(familyAndTransport));
        }
        if (length > V2_MAX_PAYLOAD) {
            return new Invalid("a version 2 header of " + length + " bytes of addresses and extensions");
        }
        if (in.remaining() < 16 + length) {
            return new NeedMore();
        }
        String client = null;
        if (command == 1 && (familyAndTransport == 0x11 || familyAndTransport == 0x21)) {
            int size = family == 1 ? 4 : 16;
            if (length < 2 * size + 4) {
                return new Invalid("a version 2 header too short for its addresses");
            }
            byte[] source = new byte[size];
            in.get(start + 16, source);
            client = address(source);
        }
        in.position(start + 16 + length);
        return new Header(client);
    }

    private static String address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }
}
