/**
 * Framing and syntax of each protocol, in pure Java (no Jakarta imports): a {@link dev.portico.jca.codec.Framer}
 * cuts frames out of a connection's bytes ({@link dev.portico.jca.codec.DelimiterFramer},
 * {@link dev.portico.jca.codec.PickleScanner}); a per-connection {@link dev.portico.jca.codec.ProtocolSession}
 * turns frames into typed requests and typed replies into bytes, and owns the connection's protocol state
 * (greeting, time-out replies, a login). The codecs decide syntax only; meaning belongs to the application.
 */
package dev.portico.jca.codec;
