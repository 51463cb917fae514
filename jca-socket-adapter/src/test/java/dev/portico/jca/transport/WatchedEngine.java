package dev.portico.jca.transport;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * An engine that passes every call to a real one and notes the calls made while it is {@linkplain #forbid
 * forbidden} (while its handshake tasks are held, nothing may touch it: the real engine's lock is theirs).
 */
final class WatchedEngine extends SSLEngine {

    private final SSLEngine engine;
    private volatile boolean forbidden;
    /** The methods called while forbidden, in order. */
    final List<String> forbiddenCalls = new CopyOnWriteArrayList<>();

    WatchedEngine(SSLEngine engine) {
        this.engine = engine;
    }

    void forbid(boolean forbid) {
        forbidden = forbid;
    }

    private void called(String method) {
        if (forbidden) {
            forbiddenCalls.add(method + " on " + Thread.currentThread().getName());
        }
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        called("wrap");
        return engine.wrap(srcs, offset, length, dst);
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        called("unwrap");
        return engine.unwrap(src, dsts, offset, length);
    }

    @Override
    public Runnable getDelegatedTask() {
        called("getDelegatedTask");
        return engine.getDelegatedTask();
    }

    @Override
    public void closeInbound() throws SSLException {
        called("closeInbound");
        engine.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        called("isInboundDone");
        return engine.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        called("closeOutbound");
        engine.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        called("isOutboundDone");
        return engine.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return engine.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return engine.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        engine.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return engine.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return engine.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        engine.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        called("getSession");
        return engine.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        called("getHandshakeSession");
        return engine.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
        called("beginHandshake");
        engine.beginHandshake();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        called("getHandshakeStatus");
        return engine.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        engine.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return engine.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        engine.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return engine.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        engine.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return engine.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        engine.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return engine.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return engine.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        engine.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return engine.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return engine.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        engine.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return engine.getHandshakeApplicationProtocolSelector();
    }
}
