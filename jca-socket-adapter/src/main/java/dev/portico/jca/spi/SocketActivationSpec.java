package dev.portico.jca.spi;

import dev.portico.jca.api.CustomerDirectoryListener;
import dev.portico.jca.api.FeatherBaseListener;
import dev.portico.jca.api.RentalIntakeListener;
import dev.portico.jca.transport.ListenerSettings;
import dev.portico.jca.transport.TlsSettings;
import dev.portico.jca.transport.TrustedProxies;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Configures one TCP listener for one message-driven bean: the protocol it speaks, where it
 * binds and the limits it enforces. Values come from server.xml's {@code <activationSpec>};
 * unset size and timeout limits take the protocol's defaults.
 */
@Activation(messageListeners = {CustomerDirectoryListener.class, FeatherBaseListener.class, RentalIntakeListener.class})
public class SocketActivationSpec implements ActivationSpec {

    @ConfigProperty(description = "Protocol served: customer-directory, featherbase or rental-intake")
    private String protocol;

    @ConfigProperty(defaultValue = "127.0.0.1", description = "Address to bind; 0.0.0.0 for every interface")
    private String bindAddress = "127.0.0.1";

    @ConfigProperty(description = "TCP port; the protocol's standard port when unset")
    private Integer port;

    @ConfigProperty(description = "Open connections at most (the protocol's default when unset);"
            + " when full, a new client replaces the connection idle longest, or waits in the accept backlog while none is idle")
    private Integer maxConnections;

    @ConfigProperty(description = "Largest request in bytes; the protocol's default when unset")
    private Integer maxRequestBytes;

    @ConfigProperty(description = "Milliseconds a request may take to arrive completely; the protocol's default when unset")
    private Integer readTimeoutMillis;

    @ConfigProperty(defaultValue = "300000", description = "Milliseconds a persistent connection may stay idle")
    private Integer idleTimeoutMillis = 300_000;

    @ConfigProperty(defaultValue = "30000", description = "Milliseconds a new persistent connection may stay silent before its first request")
    private Integer firstRequestTimeoutMillis = 30_000;

    @ConfigProperty(defaultValue = "32", description = "Requests handed to the application at once")
    private Integer maxConcurrentRequests = 32;

    @ConfigProperty(defaultValue = "false", description = "Whether clients must authenticate before other commands (protocols with users only)")
    private Boolean authenticationRequired = false;

    @ConfigProperty(defaultValue = "30000", description = "Milliseconds a client may take nothing of a streamed reply before it is cut off")
    private Integer writeTimeoutMillis = 30_000;

    @ConfigProperty(defaultValue = "0", description = "Bytes that requests still arriving may hold together, beyond each connection's"
            + " small buffer (a connection that finds none left waits, unread, for room or for its read timeout), and apart"
            + " from them replies not yet read (past it, those whose clients took nothing for a second are cut off); 0 for a"
            + " sixteenth of the heap; at least two of the largest requests")
    private Long maxBufferedBytes = 0L;

    @ConfigProperty(defaultValue = "10000", description = "Milliseconds to let requests in flight finish when the listener stops")
    private Integer shutdownGraceMillis = 10_000;

    @ConfigProperty(defaultValue = "false", description = "Whether this listener speaks TLS only (plain clients then fail); false keeps legacy clients working")
    private Boolean tls = false;

    @ConfigProperty(description = "Key store (PKCS12 or JKS) holding the listener's certificate and key; required when tls is true")
    private String tlsKeyStore;

    @ConfigProperty(description = "Password of tlsKeyStore and of its key; required when tls is true", confidential = true)
    private String tlsKeyStorePassword;

    @ConfigProperty(defaultValue = "PKCS12", description = "Type of tlsKeyStore: PKCS12 or JKS")
    private String tlsKeyStoreType = "PKCS12";

    @ConfigProperty(defaultValue = "TLSv1.3,TLSv1.2", description = "TLS versions offered, comma-separated")
    private String tlsProtocols = "TLSv1.3,TLSv1.2";

    @ConfigProperty(description = "Load balancers whose connections may begin with a PROXY protocol header (v1 or v2) naming the"
            + " real client: comma-separated IP addresses or networks (192.0.2.10/31); unset or empty for none")
    private String proxyProtocolFrom;

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        if (protocol == null || ProtocolBinding.named(protocol).isEmpty()) {
            throw new InvalidPropertyException("protocol must be one of " + ProtocolBinding.names() + ", got " + protocol);
        }
        if (port != null && (port < 0 || port > 65_535)) {
            throw new InvalidPropertyException("port must be 0..65535, got " + port);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new InvalidPropertyException("bindAddress must be set");
        }
        requirePositive("maxConnections", maxConnections);
        requirePositive("maxRequestBytes", maxRequestBytes);
        requirePositive("readTimeoutMillis", readTimeoutMillis);
        requirePositive("idleTimeoutMillis", idleTimeoutMillis);
        requirePositive("firstRequestTimeoutMillis", firstRequestTimeoutMillis);
        requirePositive("writeTimeoutMillis", writeTimeoutMillis);
        requirePositive("maxConcurrentRequests", maxConcurrentRequests);
        requirePositive("shutdownGraceMillis", shutdownGraceMillis);
        if (maxBufferedBytes != null && maxBufferedBytes != 0) {
            long smallest = ListenerSettings.smallestMaxBufferedBytes(maxRequestBytes == null ? binding().defaultMaxRequestBytes : maxRequestBytes);
            if (maxBufferedBytes < smallest) {
                throw new InvalidPropertyException("maxBufferedBytes must be 0 (a sixteenth of the heap) or hold two of the largest"
                        + " requests (" + smallest + " bytes), got " + maxBufferedBytes);
            }
        }
        try {
            TrustedProxies.parse(proxyProtocolFrom);
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException("proxyProtocolFrom: " + e.getMessage());
        }
        if (Boolean.TRUE.equals(tls)) {
            ListenerTls.validate(tlsKeyStore, tlsKeyStorePassword, tlsKeyStoreType, tlsProtocols);
        }
    }

    /** The listener's TLS, or null when it serves plain TCP; reads the key store (an IOException says what is wrong with it). */
    TlsSettings tlsSettings() throws IOException {
        return Boolean.TRUE.equals(tls) ? ListenerTls.load(tlsKeyStore, tlsKeyStorePassword, tlsKeyStoreType, tlsProtocols) : null;
    }

    private static void requirePositive(String name, Integer value) throws InvalidPropertyException {
        if (value != null && value < 1) {
            throw new InvalidPropertyException(name + " must be positive, got " + value);
        }
    }

    ProtocolBinding<?, ?, ?> binding() {
        return ProtocolBinding.named(protocol).orElseThrow();
    }

    ListenerSettings settings() {
        ProtocolBinding<?, ?, ?> binding = binding();
        return new ListenerSettings(binding.name,
                new InetSocketAddress(bindAddress, port == null ? binding.defaultPort : port),
                maxConnections == null ? binding.defaultMaxConnections : maxConnections,
                maxRequestBytes == null ? binding.defaultMaxRequestBytes : maxRequestBytes,
                Duration.ofMillis(readTimeoutMillis == null ? binding.defaultReadTimeoutMillis : readTimeoutMillis),
                Duration.ofMillis(idleTimeoutMillis),
                maxConcurrentRequests,
                Duration.ofMillis(firstRequestTimeoutMillis),
                Duration.ofMillis(writeTimeoutMillis),
                TrustedProxies.parse(proxyProtocolFrom),
                maxBufferedBytes == null || maxBufferedBytes == 0
                        ? ListenerSettings.defaultMaxBufferedBytes(maxRequestBytes == null ? binding.defaultMaxRequestBytes : maxRequestBytes)
                        : maxBufferedBytes);
    }

    boolean authenticationRequired() {
        return Boolean.TRUE.equals(authenticationRequired);
    }

    Duration shutdownGrace() {
        return Duration.ofMillis(shutdownGraceMillis);
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxRequestBytes() {
        return maxRequestBytes;
    }

    public void setMaxRequestBytes(Integer maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    public Integer getReadTimeoutMillis() {
        return readTimeoutMillis;
    }

    public void setReadTimeoutMillis(Integer readTimeoutMillis) {
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public Integer getWriteTimeoutMillis() {
        return writeTimeoutMillis;
    }

    public void setWriteTimeoutMillis(Integer writeTimeoutMillis) {
        this.writeTimeoutMillis = writeTimeoutMillis;
    }

    public Long getMaxBufferedBytes() {
        return maxBufferedBytes;
    }

    public void setMaxBufferedBytes(Long maxBufferedBytes) {
        this.maxBufferedBytes = maxBufferedBytes;
    }

    public Integer getIdleTimeoutMillis() {
        return idleTimeoutMillis;
    }

    public void setIdleTimeoutMillis(Integer idleTimeoutMillis) {
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    public Integer getFirstRequestTimeoutMillis() {
        return firstRequestTimeoutMillis;
    }

    public void setFirstRequestTimeoutMillis(Integer firstRequestTimeoutMillis) {
        this.firstRequestTimeoutMillis = firstRequestTimeoutMillis;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Integer getShutdownGraceMillis() {
        return shutdownGraceMillis;
    }

    public void setShutdownGraceMillis(Integer shutdownGraceMillis) {
        this.shutdownGraceMillis = shutdownGraceMillis;
    }

    public Boolean getAuthenticationRequired() {
        return authenticationRequired;
    }

    public void setAuthenticationRequired(Boolean authenticationRequired) {
        this.authenticationRequired = authenticationRequired;
    }

    public String getProxyProtocolFrom() {
        return proxyProtocolFrom;
    }

    public void setProxyProtocolFrom(String proxyProtocolFrom) {
        this.proxyProtocolFrom = proxyProtocolFrom;
    }

    public Boolean getTls() {
        return tls;
    }

    public void setTls(Boolean tls) {
        this.tls = tls;
    }

    public String getTlsKeyStore() {
        return tlsKeyStore;
    }

    public void setTlsKeyStore(String tlsKeyStore) {
        this.tlsKeyStore = tlsKeyStore;
    }

    public String getTlsKeyStorePassword() {
        return tlsKeyStorePassword;
    }

    public void setTlsKeyStorePassword(String tlsKeyStorePassword) {
        this.tlsKeyStorePassword = tlsKeyStorePassword;
    }

    public String getTlsKeyStoreType() {
        return tlsKeyStoreType;
    }

    public void setTlsKeyStoreType(String tlsKeyStoreType) {
        this.tlsKeyStoreType = tlsKeyStoreType;
    }

    public String getTlsProtocols() {
        return tlsProtocols;
    }

    public void setTlsProtocols(String tlsProtocols) {
        this.tlsProtocols = tlsProtocols;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public String toString() {
        return "SocketActivationSpec[" + protocol + " " + bindAddress + ":" + port + (Boolean.TRUE.equals(tls) ? " tls" : "") + "]";
    }
}
