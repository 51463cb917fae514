package dev.portico.jca.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses a listener takes PROXY protocol headers from (a load balancer such as HAProxy with
 * {@code send-proxy} or {@code send-proxy-v2}): IP addresses and networks ({@code 192.0.2.10}, {@code 192.0.2.8/29}, {@code fd00::10}),
 * written as literals, never host names. A connection from one of them may begin with a header naming the client it
 * carries, which then counts as the connection's client address (login throttling, eviction, logs); a connection from
 * anywhere else, or one without a header, keeps its own peer address. None by default.
 */
public final class TrustedProxies {

    /** Trusts no one: every connection's client is its peer. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Hex digits and colons, perhaps an IPv4 tail; begins with a hex digit or a colon (".:" would be looked up as a name). */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|:");

    private record Network(byte[] address, int prefixBits) {
        boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            return rest == 0 || ((other[full] ^ address[full]) & (0xFF << (8 - rest)) & 0xFF) == 0;
        }
    }

    private final List<Network> networks;
    private final String text;

    private TrustedProxies(List<Network> networks, String text) {
        this.networks = networks;
        this.text = text;
    }

    /**
     * Comma-separated addresses and networks; blank for none.
     *
     * @throws IllegalArgumentException naming the entry that is not an IP address or network
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Network> networks = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            String trimmed = entry.trim();
            int slash = trimmed.indexOf('/');
            byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or network: '" + trimmed + "'");
            }
            int bits = address.length * 8;
            if (slash >= 0) {
                String prefix = trimmed.substring(slash + 1);
                if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                    throw new IllegalArgumentException("not a network: '" + trimmed + "' (prefix length 0-" + bits + ")");
                }
                bits = Integer.parseInt(prefix);
            }
            networks.add(new Network(address, bits));
        }
        return new TrustedProxies(List.copyOf(networks), list.trim());
    }

    /** The address's bytes if it is an IPv4 or IPv6 literal, else null; never a name lookup. */
    static byte[] literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            // a literal (digits and dots, or with a colon) is parsed, never looked up
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public boolean any() {
        return !networks.isEmpty();
    }

    public boolean trusts(InetAddress peer) {
        if (peer == null) {
            return false;
        }
        byte[] address = peer.getAddress();
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "none" : text;
    }
}
