package dev.portico.jca.transport;

import dev.portico.jca.codec.ConnectionCodec;
import dev.portico.jca.codec.Decoded;
import dev.portico.jca.codec.DelimiterFramer;
import dev.portico.jca.codec.FrameException;
import dev.portico.jca.codec.ProtocolSession;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A test-only persistent-connection protocol: UTF-8 frames ending in {@code ;}, many per
 * connection. An empty frame is answered by the session itself ({@code EMPTY;}) and the connection
 * stays open; a frame over the limit is answered {@code TOO LONG;} and closed.
 */
final class SemicolonSession implements ProtocolSession<String, String> {

    private final String greeting;
    /** Runs on the selector thread before each frame is parsed (a test may hold the selector there). */
    private final Consumer<String> beforeParse;

    SemicolonSession(String greeting) {
        this(greeting, frame -> { });
    }

    SemicolonSession(String greeting, Consumer<String> beforeParse) {
        this.greeting = greeting;
        this.beforeParse = beforeParse;
    }

    /** A connection's codec: frames of at most {@code maxFrameBytes} bytes before their {@code ;}. */
    static ConnectionCodec<String, String> codec(int maxFrameBytes, String greeting) {
        return codec(maxFrameBytes, greeting, frame -> { });
    }

    /** The same, running {@code beforeParse} on the selector thread before each frame is parsed. */
    static ConnectionCodec<String, String> codec(int maxFrameBytes, String greeting, Consumer<String> beforeParse) {
        return new ConnectionCodec<>(new DelimiterFramer((byte) ';', maxFrameBytes, false), new SemicolonSession(greeting, beforeParse));
    }

    @Override
    public byte[] greeting() {
        return utf8(greeting);
    }

    @Override
    public Decoded<String> parse(byte[] frame) {
        beforeParse.accept(new String(frame, StandardCharsets.UTF_8));
        return frame.length == 0
                ? new Decoded.Answer<>(utf8("EMPTY;"), false)
                : new Decoded.Request<>(new String(frame, StandardCharsets.UTF_8));
    }

    @Override
    public byte[] refused(FrameException problem) {
        return utf8("TOO LONG;");
    }

    @Override
    public byte[] render(String reply) {
        return utf8(reply + ";");
    }

    @Override
    public String serverError() {
        return "ERROR";
    }

    @Override
    public boolean oneRequestPerConnection() {
        return false;
    }

    @Override
    public byte[] timedOut() {
        return utf8("TIMEOUT;");
    }

    @Override
    public byte[] incomplete() {
        return utf8("INCOMPLETE;");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
