package dev.portico.web.security;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host names the web module answers to (portico.http.allowedHosts). A browser tricked by DNS
 * rebinding sends the attacker's name in {@code Host} and {@code Origin}; refusing every name not
 * configured here keeps such a page from reading or changing anything.
 */
public final class AllowedHosts {

    private final Set<String> names;

    private AllowedHosts(Set<String> names) {
        this.names = names;
    }

    /** Names separated by commas or white space, matched case-insensitively; IPv6 addresses in brackets. */
    public static AllowedHosts parse(String list) {
        return new AllowedHosts(Arrays.stream(list.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Whether the name a request was addressed to ({@code getServerName()}: the {@code Host} header's name,
     * or HTTP/2's {@code :authority}) is allowed; IPv6 addresses with or without brackets.
     */
    public boolean allowsName(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return names.contains(lower) || !lower.startsWith("[") && lower.contains(":") && names.contains("[" + lower + "]");
    }

    /**
     * Whether an {@code Origin} header is this server as a browser reached it: the request's scheme and
     * port and an allowed host name. {@code null} (sent for sandboxed or privacy-sensitive pages) is refused.
     */
    public boolean allowsOrigin(String origin, String scheme, int port) {
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().equalsIgnoreCase(scheme)) {
            return false;
        }
        int originPort = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        return originPort == port && names.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return String.join(",", names.stream().sorted().toList());
    }
}
