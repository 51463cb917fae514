package dev.portico.jca.transport;

import dev.portico.jca.codec.Decoded;
import dev.portico.jca.codec.FrameCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A test-only persistent-connection protocol: UTF-8 frames ending in {@code ;}, many per
 * connection. An empty frame is answered by the codec itself ({@code EMPTY;}) and the connection
 * stays open; a frame over the limit is answered {@code TOO LONG;} and closed.
 */
final class SemicolonCodec implements FrameCodec<String, String> {

    private final int maxFrameBytes;
    private final String greeting;

    SemicolonCodec(int maxFrameBytes, String greeting) {
        this.maxFrameBytes = maxFrameBytes;
        this.greeting = greeting;
    }

    @Override
    public byte[] greeting() {
        return utf8(greeting);
    }

    @Override
    public Decoded<String> decode(ByteBuffer received) {
        int start = received.position();
        int searchEnd = Math.min(received.limit(), start + maxFrameBytes + 1);
        for (int i = start; i < searchEnd; i++) {
            if (received.get(i) == ';') {
                byte[] frame = new byte[i - start];
                received.get(frame);
                received.position(i + 1);
                return frame.length == 0
                        ? new Decoded.Answer<>(utf8("EMPTY;"), false)
                        : new Decoded.Request<>(new String(frame, StandardCharsets.UTF_8));
            }
        }
        if (received.remaining() > maxFrameBytes) {
            received.position(received.limit());
            return new Decoded.Answer<>(utf8("TOO LONG;"), true);
        }
        return Decoded.needMore();
    }

    @Override
    public byte[] encode(String reply) {
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
