package dev.portico.jca.transport;

import dev.portico.jca.codec.Decoded;
import dev.portico.jca.codec.FrameCodec;
import dev.portico.jca.codec.ReplyOutput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A test-only persistent protocol whose requests may stream their replies: one UTF-8 line per
 * request; the request carries the connection's reply output, and the handler's reply is written
 * after whatever it streamed, followed by {@code \n}.
 */
final class StreamingLineCodec implements FrameCodec<StreamingLineCodec.Request, String> {

    /** A line, and where its reply's parts go. */
    record Request(String line, ReplyOutput output) { }

    private ReplyOutput output = ReplyOutput.NONE;

    @Override
    public void streamTo(ReplyOutput output) {
        this.output = output;
    }

    @Override
    public byte[] greeting() {
        return new byte[0];
    }

    @Override
    public Decoded<Request> decode(ByteBuffer received) {
        for (int i = received.position(); i < received.limit(); i++) {
            if (received.get(i) == '\n') {
                byte[] line = new byte[i - received.position()];
                received.get(line);
                received.get();
                return new Decoded.Request<>(new Request(new String(line, StandardCharsets.UTF_8), output));
            }
        }
        return Decoded.needMore();
    }

    @Override
    public byte[] encode(String reply) {
        return (reply + "\n").getBytes(StandardCharsets.UTF_8);
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
        return "TIMEOUT\n".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] incomplete() {
        return new byte[0];
    }
}
